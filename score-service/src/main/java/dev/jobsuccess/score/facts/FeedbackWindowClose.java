package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/** A contract's feedback window closed (feedback-window-closed): whatever the client wrote is now revealed, and "none" is final. */
public record FeedbackWindowClose(String contractId, String freelancerId, String clientId, Instant closedAt,
                                  boolean clientFeedbackPresent, boolean freelancerFeedbackPresent) implements Fact {

    public FeedbackWindowClose {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
