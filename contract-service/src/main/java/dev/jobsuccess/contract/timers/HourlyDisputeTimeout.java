package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.hourly.HourlyBilling;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.hourly.InvoiceStatus;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;

/** The freelancer did not answer an hourly dispute within 3 business days: the disputed amount is refunded (PUB S44). */
@Singleton
class HourlyDisputeTimeout implements TimerRule {

    private final Ledger ledger;
    private final HourlyBilling hourly;
    private final Settlement settlement;

    HourlyDisputeTimeout(Ledger ledger, HourlyBilling hourly, Settlement settlement) {
        this.ledger = ledger;
        this.hourly = hourly;
        this.settlement = settlement;
    }

    @Override
    public String dueSql() {
        return "SELECT contract_id, dispute_response_deadline AS due FROM hourly_invoice"
                + " WHERE status = 'DISPUTED' AND dispute_response_deadline <= ?1";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        HourlyInvoice i = HourlyInvoice.find("contractId = ?1 and status = ?2 and disputeResponseDeadline <= ?3 order by weekStart",
                c.id, InvoiceStatus.DISPUTED, now).firstResult();
        return i == null ? null : new DueTimer(i.disputeResponseDeadline, () -> {
            var before = settlement.snapshot(c);
            hourly.settleDispute(ledger.posting(c, "HOURLY_DISPUTE_LAPSED:" + i.id, i.disputeResponseDeadline), c, i, i.disputedCents);
            settlement.adjusted(c, before, AdjustmentCause.HOURLY_DISPUTE, i.disputeResponseDeadline);
        });
    }
}
