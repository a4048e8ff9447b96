package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/** A client's feedback became visible to the freelancer (feedback-revealed): from now on it may enter the published score. */
public record FeedbackReveal(String feedbackId, String contractId, String freelancerId, String clientId, Instant revealedAt,
                             String revealCause) implements Fact {

    public FeedbackReveal {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(revealedAt, "revealedAt");
        Objects.requireNonNull(revealCause, "revealCause");
    }
}
