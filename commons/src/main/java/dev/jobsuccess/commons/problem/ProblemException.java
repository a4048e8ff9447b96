package dev.jobsuccess.commons.problem;

import java.util.List;

/** A business refusal that becomes a problem body; thrown by domain and API code alike. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "INVALID_REQUEST", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    /** A field whose size is over its bound (413). */
    public static ProblemException payloadTooLarge(String field, String message) {
        return new ProblemException(Problem.payloadTooLarge(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "NOT_FOUND", "Not found", what + " " + id + " does not exist", null));
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(Problem.of(403, code, "Forbidden", detail, null));
    }

    /** A state conflict: the request is well-formed but not allowed now (409). */
    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(Problem.of(409, code, "Conflict", detail, null));
    }

    /** Well-formed and allowed, but this service cannot answer it as asked (422). */
    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(Problem.of(422, code, "Unprocessable request", detail, null));
    }
}
