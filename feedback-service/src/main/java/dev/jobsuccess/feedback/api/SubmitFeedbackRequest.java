package dev.jobsuccess.feedback.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.feedback.domain.EndReason;
import dev.jobsuccess.feedback.domain.PrivateFeedback;
import dev.jobsuccess.feedback.domain.PublicFeedback;
import dev.jobsuccess.feedback.domain.Scores;

/** The client's LEGACY_2015 feedback form: public part optional, private part required (domain.md §d.2.2). */
public record SubmitFeedbackRequest(@JsonProperty("public") @Valid PublicPart publicPart,
                                    @JsonProperty("private") @NotNull @Valid PrivatePart privatePart) {

    public static final int MAX_TEXT = 2000;

    public record PublicPart(@NotNull @Valid StarScores scores, @Size(max = MAX_TEXT) String comment) {
        PublicFeedback toDomain() {
            return new PublicFeedback(scores.toDomain(), comment);
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

    /** endReasonCode is the client's own reason (domain.md §d.1.1), which may differ from the contract's end reason. */
    public record PrivatePart(@NotNull @Min(0) @Max(10) Integer recommendScore, EndReason endReasonCode,
                              @Size(max = MAX_TEXT) String note) {
        PrivateFeedback toDomain() {
            return new PrivateFeedback(recommendScore, endReasonCode, note);
        }
    }

    PublicFeedback publicFeedback() {
        return publicPart == null ? null : publicPart.toDomain();
    }

    PrivateFeedback privateFeedback() {
        return privatePart.toDomain();
    }
}
