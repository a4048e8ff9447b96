package dev.jobsuccess.commons.idempotency;

/** The first response to an idempotency key, replayed for every retry with the same request. */
record StoredResponse(String fingerprint, int status, String body, String location) {
}
