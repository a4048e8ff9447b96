package dev.jobsuccess.contract.dispute;

import java.time.Duration;
import java.time.Instant;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/** The escrow dispute transitions shared by commands and timers. */
public final class Disputes {

    private Disputes() {
    }

    /** Ends the dispute: {@code toFreelancer} of the escrow in dispute is released, the rest refunded. */
    public static void resolve(Settlement settlement, Ledger.Posting p, Contract c, Dispute d, long toFreelancer,
                        MilestoneStatus finalStatus, DisputeResolution resolution) {
        long held = settlement.escrowRefundPendingCents(c);
        long pay = Math.min(toFreelancer, held);
        settlement.settleRefund(p, c, pay, finalStatus);
        c.recordDispute(d.resolve(resolution, pay, held, p.effectiveAt()));
    }

    public static void offerArbitration(Settlement settlement, Contract c, Dispute d, Instant at, int paymentDays) {
        d.offerArbitration(at.plus(Duration.ofDays(paymentDays)));
        settlement.markInRefund(c.id, MilestoneStatus.ARBITRATION_OFFERED);
    }
}
