package dev.jobsuccess.score.facts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client's feedback on a contract, in memory for one computation. Holds the private rating, which no
 * response or event may carry to anyone but PLATFORM.
 *
 * @param revealed whether the freelancer may know it (revealed, or its window closed); periodic feedback is public at once
 */
public record FeedbackFacts(String feedbackId, Integer privateRecommend, BigDecimal publicOverall, String privateEndReason,
                            Instant submittedAt, boolean revealed) {

    @Override
    public String toString() {
        return "FeedbackFacts[feedbackId=" + feedbackId + ", submittedAt=" + submittedAt + ", revealed=" + revealed + "]";
    }
}
