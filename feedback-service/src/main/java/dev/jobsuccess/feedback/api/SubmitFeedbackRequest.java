package dev.jobsuccess.feedback.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.feedback.feedback.EndReason;
import dev.jobsuccess.feedback.feedback.FeedbackDraft;
import dev.jobsuccess.feedback.feedback.FeedbackForm;
import dev.jobsuccess.feedback.feedback.Scores;

/**
 * A party's end-of-contract feedback, on the form the service is configured with (domain.md §d.2 rule 8). The shape
 * is the union of both forms; which fields must, may and must not be present is decided by the form and the author.
 */
@Schema(description = "LEGACY_2015: public {scores, comment?} optional, private {recommendScore, endReasonCode, note?} required. "
        + "STREAMLINED_2025: public {stars, comment?} required, private {endReasonCode, note?} required. The freelancer's "
        + "private part has no note, and each author gives a reason their role may choose.")
public record SubmitFeedbackRequest(@JsonProperty("public") @Valid PublicPart publicPart,
                                    @JsonProperty("private") @Valid PrivatePart privatePart) {

    /**
     * A comment or note: free text, so line breaks and tabs are kept (no {@code @SingleLine}); other control characters
     * and unpaired surrogates never get past the JSON reader (commons' StrictJson).
     */
    public static final int MAX_TEXT = 2000;

    /** The public part; also the body of the one allowed edit. */
    @Schema(description = "scores (LEGACY_2015) or stars (STREAMLINED_2025), and an optional comment")
    public record PublicPart(@Valid StarScores scores,
                             @Min(Scores.MIN) @Max(Scores.MAX) Integer stars,
                             @Size(max = MAX_TEXT) String comment) {
        FeedbackDraft.PublicDraft toDraft() {
            return new FeedbackDraft.PublicDraft(scores == null ? null : scores.toDomain(), stars, comment);
        }
    }

    public record StarScores(@NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer skills,
                             @NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer quality,
                             @NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer availability,
                             @NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer deadlines,
                             @NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer communication,
                             @NotNull @Min(Scores.MIN) @Max(Scores.MAX) Integer cooperation) {
        Scores toDomain() {
            return new Scores(skills, quality, availability, deadlines, communication, cooperation);
        }
    }

    /** endReasonCode is the author's own reason (domain.md §d.1.1), which may differ from the contract's end reason. */
    public record PrivatePart(@Min(FeedbackForm.MIN_RECOMMEND) @Max(FeedbackForm.MAX_RECOMMEND) Integer recommendScore,
                              EndReason endReasonCode,
                              @Size(max = MAX_TEXT) String note) {
        FeedbackDraft.PrivateDraft toDraft() {
            return new FeedbackDraft.PrivateDraft(recommendScore, endReasonCode, note);
        }
    }

    FeedbackDraft toDraft() {
        return new FeedbackDraft(publicPart == null ? null : publicPart.toDraft(), privatePart == null ? null : privatePart.toDraft());
    }
}
