package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.dispute.EscrowRefundRequest;
import dev.jobsuccess.contract.dispute.RefundRequestStatus;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/** The freelancer did not answer an escrow refund request in time: the escrow is refunded (PUB S35). */
@Singleton
class EscrowRefundTimeout implements TimerRule {

    private final Ledger ledger;
    private final Settlement settlement;

    EscrowRefundTimeout(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    @Override
    public String dueSql() {
        return "SELECT contract_id, response_deadline AS due FROM escrow_refund_request"
                + " WHERE status = 'PENDING' AND response_deadline <= ?1";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        EscrowRefundRequest r = EscrowRefundRequest.find("contractId = ?1 and status = ?2 and responseDeadline <= ?3",
                c.id, RefundRequestStatus.PENDING, now).firstResult();
        return r == null ? null : new DueTimer(r.responseDeadline, () -> {
            r.timeOut();
            settlement.settleRefund(ledger.posting(c, "REFUND_TIMEOUT:" + r.id, r.responseDeadline), c, 0, MilestoneStatus.REFUNDED);
        });
    }
}
