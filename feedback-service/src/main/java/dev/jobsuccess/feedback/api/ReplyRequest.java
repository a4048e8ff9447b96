package dev.jobsuccess.feedback.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The recipient's public reply to a feedback: free text like a comment, so line breaks and tabs are kept, other control
 * characters and unpaired surrogates never get past the JSON reader (commons' StrictJson).
 */
public record ReplyRequest(@NotBlank @Size(max = SubmitFeedbackRequest.MAX_TEXT) String text) {}
