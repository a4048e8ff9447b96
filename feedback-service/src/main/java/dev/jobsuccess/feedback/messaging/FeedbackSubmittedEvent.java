package dev.jobsuccess.feedback.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.feedback.feedback.EndReason;
import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.feedback.FormVersion;
import dev.jobsuccess.feedback.feedback.PrivateFeedback;
import dev.jobsuccess.feedback.feedback.PublicFeedback;
import dev.jobsuccess.feedback.feedback.Scores;
import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.party.Party;

/**
 * The feedback-submitted event, as docs/events/feedback-submitted.schema.json defines it. It carries the private
 * part, so only score-service may read its topic. Absent parts are written as null: the schema requires the keys.
 * The author's one edit of the public part publishes it again, with {@code publicEditedAt} set and occurredAt the edit.
 * The client's mid-contract feedback has {@code midContract} true, no private part and no window end.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedbackSubmittedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                     String feedbackId, String contractId, String freelancerId, String clientId,
                                     Party authorRole, String authorId, String subjectId, FormVersion formVersion,
                                     boolean midContract,
                                     @JsonProperty("public") PublicPart publicPart,
                                     @JsonProperty("private") PrivatePart privatePart,
                                     Instant windowClosesAt, Instant submittedAt, Instant publicEditedAt) {

    public static final String TOPIC = "feedback-submitted";
    public static final String TYPE = "feedback.submitted";
    public static final int SCHEMA_VERSION = 1;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PublicPart(StarScores scores, BigDecimal overall, String comment) {}

    public record StarScores(int skills, int quality, int availability, int deadlines, int communication, int cooperation) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PrivatePart(Integer recommendScore, EndReason endReasonCode, String note) {}

    /** {@code windowClosesAt} is null for mid-contract feedback, given before the contract ended. */
    static FeedbackSubmittedEvent of(Feedback f, Parties contract, Instant windowClosesAt) {
        PublicFeedback pub = f.publicPart();
        PrivateFeedback priv = f.privatePart();
        PublicPart publicPart = null;
        if (pub != null) {
            Scores s = pub.scores();
            publicPart = new PublicPart(s == null ? null : new StarScores(s.skills(), s.quality(), s.availability(),
                    s.deadlines(), s.communication(), s.cooperation()), pub.overall(), pub.comment());
        }
        // Mid-contract feedback has no private part at all, not one with every field empty.
        PrivatePart privatePart = priv == null ? null : new PrivatePart(priv.recommendScore(), priv.endReasonCode(), priv.note());
        Instant occurredAt = f.publicEditedAt != null ? f.publicEditedAt : f.submittedAt;
        return new FeedbackSubmittedEvent(UUID.randomUUID(), TYPE, SCHEMA_VERSION, occurredAt, f.id.toString(),
                f.contractId, contract.freelancerId(), contract.clientId(), f.authorRole, f.authorId, f.subjectId, f.formVersion,
                f.midContract, publicPart, privatePart, windowClosesAt, f.submittedAt, f.publicEditedAt);
    }
}
