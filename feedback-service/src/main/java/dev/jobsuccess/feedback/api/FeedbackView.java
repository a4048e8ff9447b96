package dev.jobsuccess.feedback.api;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.feedback.domain.Audience;
import dev.jobsuccess.feedback.domain.EndReason;
import dev.jobsuccess.feedback.domain.Feedback;
import dev.jobsuccess.feedback.domain.FormVersion;
import dev.jobsuccess.feedback.domain.Party;
import dev.jobsuccess.feedback.domain.PrivateFeedback;
import dev.jobsuccess.feedback.domain.PublicFeedback;
import dev.jobsuccess.feedback.domain.Scores;

/**
 * One feedback as its audience may see it. {@code public} is null when the author gave none; {@code private} is
 * left out entirely for an audience that may not see it, so its absence says nothing about its content.
 */
public record FeedbackView(String feedbackId, String contractId, Party authorRole, String authorId, String subjectId,
                           FormVersion formVersion, boolean midContract, Instant submittedAt,
                           @JsonProperty("public") PublicPart publicPart,
                           @JsonProperty("private") @JsonInclude(JsonInclude.Include.NON_NULL) PrivatePart privatePart) {

    public record PublicPart(StarScores scores, BigDecimal overall, String comment) {}

    public record StarScores(int skills, int quality, int availability, int deadlines, int communication, int cooperation) {
        static StarScores of(Scores s) {
            return new StarScores(s.skills(), s.quality(), s.availability(), s.deadlines(), s.communication(), s.cooperation());
        }
    }

    public record PrivatePart(int recommendScore, EndReason endReasonCode, String note) {}

    static FeedbackView of(Feedback f, Audience audience) {
        PublicFeedback pub = f.publicPart();
        PrivateFeedback priv = audience.seesPrivatePartOf(f) ? f.privatePart() : null;
        return new FeedbackView(f.id.toString(), f.contractId, f.authorRole, f.authorId, f.subjectId, f.formVersion,
                f.midContract, f.submittedAt,
                pub == null ? null : new PublicPart(StarScores.of(pub.scores()), f.overall, pub.comment()),
                priv == null ? null : new PrivatePart(priv.recommendScore(), priv.endReasonCode(), priv.note()));
    }
}
