package dev.jobsuccess.feedback.feedback;

/**
 * A feedback as a caller sent it, before the form (§d.2 rule 8) decided whether it fits: each part and field may be
 * missing or be one the form does not have. {@link FeedbackForm} turns it into the feedback's parts.
 */
public record FeedbackDraft(PublicDraft publicPart, PrivateDraft privatePart) {

    /** Six scores (LEGACY_2015) or one star value (STREAMLINED_2025), and an optional comment. */
    public record PublicDraft(Scores scores, Integer stars, String comment) {}

    public record PrivateDraft(Integer recommendScore, EndReason endReasonCode, String note) {}
}
