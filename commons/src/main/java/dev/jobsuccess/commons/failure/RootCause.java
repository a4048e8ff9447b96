package dev.jobsuccess.commons.failure;

/** The innermost cause of a failure, for one log line: the wrappers (transaction, ORM, client) say nothing of it. */
public final class RootCause {

    private RootCause() {
    }

    /** {@code SimpleClassName: message} of the innermost cause. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
