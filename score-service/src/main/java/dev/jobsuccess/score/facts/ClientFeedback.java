package dev.jobsuccess.score.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a client's feedback on a contract brings to the freelancer's score: the private 0–10
 * recommendation, the private end reason and the public overall rating, any of which may be absent.
 *
 * @param privateEndReason the reason the client gave in the private part, as sent (an EndReason name, or anything else)
 * @param midContract periodic feedback on a running contract, which counts only with periodic_feedback_counts
 */
public record ClientFeedback(String feedbackId, String contractId, String freelancerId, String clientId,
                             Integer privateRecommend, BigDecimal publicOverall, String privateEndReason, boolean midContract,
                             Instant submittedAt) implements Fact {

    private static final BigDecimal MIN_OVERALL = BigDecimal.ONE;
    private static final BigDecimal MAX_OVERALL = BigDecimal.valueOf(5);

    public ClientFeedback {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(freelancerId, "freelancerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (privateRecommend != null && (privateRecommend < 0 || privateRecommend > 10)) {
            throw new IllegalArgumentException("privateRecommend must be between 0 and 10");
        }
        if (publicOverall != null && (publicOverall.compareTo(MIN_OVERALL) < 0 || publicOverall.compareTo(MAX_OVERALL) > 0)) {
            throw new IllegalArgumentException("publicOverall must be between 1 and 5");
        }
    }

    /** Leaves the ratings out: the private one must not reach a log line. */
    @Override
    public String toString() {
        return "ClientFeedback[feedbackId=" + feedbackId + ", contractId=" + contractId + ", freelancerId=" + freelancerId
                + ", clientId=" + clientId + ", midContract=" + midContract + ", submittedAt=" + submittedAt + "]";
    }
}
