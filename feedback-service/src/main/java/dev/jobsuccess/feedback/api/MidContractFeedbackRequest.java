package dev.jobsuccess.feedback.api;

import jakarta.validation.Valid;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.feedback.feedback.FeedbackDraft;

/**
 * The client's mid-contract feedback: the public part of the configured form and nothing else. A private part is an
 * unknown field here, refused with 400 naming {@code private}.
 */
@Schema(description = "LEGACY_2015: public {scores, comment?}; STREAMLINED_2025: public {stars, comment?}. No private part.")
public record MidContractFeedbackRequest(@JsonProperty("public") @Valid SubmitFeedbackRequest.PublicPart publicPart) {

    FeedbackDraft toDraft() {
        return new FeedbackDraft(publicPart == null ? null : publicPart.toDraft(), null);
    }
}
