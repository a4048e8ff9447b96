package dev.jobsuccess.feedback.api;

/** The sizes a request's text may have; the database stores TEXT, so these are the only bounds. */
final class RequestBounds {

    /**
     * A contract, feedback or user id in a path: contract-service accepts ids of up to 100 characters (its
     * {@code freelancerId}), and this service never holds a longer one, so a longer id is refused rather than looked up.
     */
    static final int MAX_ID = 100;

    private RequestBounds() {
    }
}
