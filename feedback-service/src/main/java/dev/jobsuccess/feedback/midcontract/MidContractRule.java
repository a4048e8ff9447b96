package dev.jobsuccess.feedback.midcontract;

import java.time.Duration;
import java.time.Instant;

import dev.jobsuccess.feedback.opencontract.OpenContract;

/**
 * When a client may give mid-contract feedback on an open contract (§d.2 rule 1, PUB S17): the contract is ACTIVE, it
 * started at least {@code minSinceStart} ago, money reached the freelancer within {@code paymentWithin}, and the client's
 * last mid-contract feedback on it is at least {@code between} old.
 */
public record MidContractRule(Duration minSinceStart, Duration paymentWithin, Duration between) {

    /** Why a mid-contract feedback is refused; each is a 409 with this code. */
    public enum Refusal {
        CONTRACT_NOT_ACTIVE, TOO_EARLY_IN_CONTRACT, NO_RECENT_PAYMENT, MID_CONTRACT_FEEDBACK_TOO_RECENT
    }

    /** The first rule the feedback breaks, or null when it may be given now. */
    public Refusal refusal(OpenContract contract, Instant lastMidContractFeedback, Instant now) {
        if (contract.status != OpenContract.Status.ACTIVE) {
            return Refusal.CONTRACT_NOT_ACTIVE;
        }
        if (now.isBefore(contract.startedAt.plus(minSinceStart))) {
            return Refusal.TOO_EARLY_IN_CONTRACT;
        }
        if (contract.lastPaymentAt == null || contract.lastPaymentAt.isBefore(now.minus(paymentWithin))) {
            return Refusal.NO_RECENT_PAYMENT;
        }
        if (lastMidContractFeedback != null && now.isBefore(lastMidContractFeedback.plus(between))) {
            return Refusal.MID_CONTRACT_FEEDBACK_TOO_RECENT;
        }
        return null;
    }

    /** The refusal in words, for the problem's detail. */
    public String explain(Refusal refusal, OpenContract contract, Instant lastMidContractFeedback) {
        return switch (refusal) {
            case CONTRACT_NOT_ACTIVE -> "contract " + contract.contractId + " is " + contract.status
                    + "; mid-contract feedback is given on ACTIVE contracts";
            case TOO_EARLY_IN_CONTRACT -> "contract " + contract.contractId + " started at " + contract.startedAt
                    + "; mid-contract feedback is possible from " + contract.startedAt.plus(minSinceStart);
            case NO_RECENT_PAYMENT -> "contract " + contract.contractId + " had no payment in the last " + paymentWithin.toDays()
                    + " days" + (contract.lastPaymentAt == null ? "" : " (the last was at " + contract.lastPaymentAt + ")");
            case MID_CONTRACT_FEEDBACK_TOO_RECENT -> "the client gave mid-contract feedback on contract " + contract.contractId
                    + " at " + lastMidContractFeedback + "; the next is possible from " + lastMidContractFeedback.plus(between);
        };
    }
}
