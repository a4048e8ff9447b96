package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.hourly.HourlyBilling;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.hourly.InvoiceStatus;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Settlement;

/** An invoice the client did not dispute by Friday 23:59:59 UTC clears to the freelancer's pending balance. */
@Singleton
class InvoiceReviewEnd implements TimerRule {

    private final HourlyBilling hourly;
    private final Settlement settlement;

    InvoiceReviewEnd(HourlyBilling hourly, Settlement settlement) {
        this.hourly = hourly;
        this.settlement = settlement;
    }

    @Override
    public String dueSql() {
        return "SELECT contract_id, review_ends_at AS due FROM hourly_invoice WHERE status = 'IN_REVIEW' AND review_ends_at <= ?1";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        HourlyInvoice i = HourlyInvoice.find("contractId = ?1 and status = ?2 and reviewEndsAt <= ?3 order by weekStart",
                c.id, InvoiceStatus.IN_REVIEW, now).firstResult();
        return i == null ? null : new DueTimer(i.reviewEndsAt, () -> {
            var before = settlement.snapshot(c);
            hourly.reviewEnded(c, i);
            settlement.adjusted(c, before, AdjustmentCause.HOURLY_INVOICE, i.reviewEndsAt);
        });
    }
}
