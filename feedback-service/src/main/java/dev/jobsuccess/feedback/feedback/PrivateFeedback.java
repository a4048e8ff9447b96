package dev.jobsuccess.feedback.feedback;

/**
 * What an author tells only the platform: it feeds the score but is never shown to the subject (domain.md §d.2.7).
 * {@code recommendScore} is null on the STREAMLINED_2025 form, which has no private rating; {@code note} exists only
 * on the client's form.
 */
public record PrivateFeedback(Integer recommendScore, EndReason endReasonCode, String note) {}
