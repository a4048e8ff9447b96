package dev.jobsuccess.feedback.api;

import java.time.Instant;
import java.util.List;

import dev.jobsuccess.feedback.domain.ContractFeedback;

/** A contract's feedback window and the feedback on it, as the caller may see them. */
public record ContractFeedbackView(String contractId, String clientId, String freelancerId, Instant windowOpensAt,
                                   Instant windowClosesAt, List<FeedbackView> feedback) {

    static ContractFeedbackView of(ContractFeedback cf) {
        var w = cf.window();
        return new ContractFeedbackView(w.contractId, w.clientId, w.freelancerId, w.opensAt, w.closesAt,
                cf.feedback().stream().map(f -> FeedbackView.of(f, cf.audience())).toList());
    }
}
