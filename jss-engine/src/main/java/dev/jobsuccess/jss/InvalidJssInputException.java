package dev.jobsuccess.jss;

/**
 * A request that breaks the rules of jss-engine-api.md "Request". Callers turn it into a 400
 * problem that names {@link #field()}.
 */
public final class InvalidJssInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidJssInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending field as a JSON path, e.g. {@code contracts[1].netEarningsCents} or {@code asOf}. */
    public String field() {
        return field;
    }
}
