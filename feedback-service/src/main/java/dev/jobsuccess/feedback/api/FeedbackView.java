package dev.jobsuccess.feedback.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.feedback.feedback.Audience;
import dev.jobsuccess.feedback.feedback.EndReason;
import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.feedback.FormVersion;
import dev.jobsuccess.feedback.feedback.PrivateFeedback;
import dev.jobsuccess.feedback.feedback.PublicFeedback;
import dev.jobsuccess.feedback.feedback.RevealCause;
import dev.jobsuccess.feedback.feedback.Scores;
import dev.jobsuccess.feedback.feedback.SeenFeedback;
import dev.jobsuccess.feedback.party.Party;

/**
 * One feedback as its audience may see it. {@code public} is null when the author gave none, or when it was removed
 * from the profile ({@code removedFromProfileAt} set; its author and the platform still see it); {@code reply} is the
 * recipient's public reply, shown with the public part; {@code private} is left out entirely for an audience that may
 * not see it, so its absence says nothing about its content. Mid-contract feedback ({@code midContract}) has no
 * private part.
 */
public record FeedbackView(String feedbackId, String contractId, Party authorRole, String authorId, String subjectId,
                           FormVersion formVersion, boolean midContract, Instant submittedAt,
                           Instant revealedAt, RevealCause revealCause, boolean visibleOnProfile,
                           Instant editAllowedAt, Instant editableUntil, Instant publicEditedAt, Instant removedFromProfileAt,
                           @JsonProperty("public") PublicPart publicPart, Reply reply,
                           @JsonProperty("private") @JsonInclude(JsonInclude.Include.NON_NULL) PrivatePart privatePart) {

    /** The recipient's one public reply (written by the feedback's subject). */
    public record Reply(String text, Instant repliedAt) {
        static Reply of(Feedback f, boolean shown) {
            return shown && f.replied() ? new Reply(f.replyText, f.repliedAt) : null;
        }
    }

    /** {@code scores} is null on the STREAMLINED_2025 form, whose one star value is the overall. */
    public record PublicPart(StarScores scores, BigDecimal overall, String comment) {
        static PublicPart of(PublicFeedback p) {
            return p == null ? null : new PublicPart(StarScores.of(p.scores()), p.overall(), p.comment());
        }
    }

    public record StarScores(int skills, int quality, int availability, int deadlines, int communication, int cooperation) {
        static StarScores of(Scores s) {
            return s == null ? null
                    : new StarScores(s.skills(), s.quality(), s.availability(), s.deadlines(), s.communication(), s.cooperation());
        }
    }

    public record PrivatePart(Integer recommendScore, EndReason endReasonCode, String note) {}

    static FeedbackView of(SeenFeedback seen) {
        return of(seen.feedback(), seen.audience(), seen.editWindow());
    }

    static FeedbackView of(Feedback f, Audience audience, Duration editWindow) {
        PrivateFeedback priv = audience.seesPrivatePartOf(f) ? f.privatePart() : null;
        boolean publicShown = audience.seesPublicPartOf(f);
        return new FeedbackView(f.id.toString(), f.contractId, f.authorRole, f.authorId, f.subjectId, f.formVersion,
                f.midContract, f.submittedAt, f.revealedAt, f.revealCause, f.visibleOnProfile,
                f.editAllowedAt, f.editableUntil(editWindow), f.publicEditedAt, f.removedFromProfileAt,
                publicShown ? PublicPart.of(f.publicPart()) : null, Reply.of(f, publicShown),
                priv == null ? null : new PrivatePart(priv.recommendScore(), priv.endReasonCode(), priv.note()));
    }
}
