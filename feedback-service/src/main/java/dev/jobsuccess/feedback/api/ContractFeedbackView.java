package dev.jobsuccess.feedback.api;

import java.time.Instant;
import java.util.List;

import dev.jobsuccess.feedback.feedback.ContractFeedback;

/**
 * A contract's feedback window and the feedback on it, as the caller may see them: their own, and the other party's
 * once revealed. {@code windowClosed} is true once the closing instant has passed. While the contract is open it has no
 * window yet ({@code windowOpensAt} and {@code windowClosesAt} null, {@code windowClosed} false) and may already have
 * the client's mid-contract feedback.
 */
public record ContractFeedbackView(String contractId, String clientId, String freelancerId, Instant windowOpensAt,
                                   Instant windowClosesAt, boolean windowClosed, List<FeedbackView> feedback) {

    static ContractFeedbackView of(ContractFeedback cf, Instant now) {
        var w = cf.window();
        var p = cf.parties();
        return new ContractFeedbackView(p.contractId(), p.clientId(), p.freelancerId(), w == null ? null : w.opensAt,
                w == null ? null : w.closesAt, w != null && !w.acceptsSubmissionsAt(now),
                cf.feedback().stream().map(f -> FeedbackView.of(f, cf.audience(), cf.editWindow())).toList());
    }
}
