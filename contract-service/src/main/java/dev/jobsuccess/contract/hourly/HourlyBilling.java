package dev.jobsuccess.contract.hourly;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.ledger.Accounts;
import dev.jobsuccess.contract.ledger.EntryType;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;

/** The hourly rules shared by commands and timers: weekly limits, Monday invoices, review clearing, disputes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HourlyBilling {

    private final Ledger ledger;
    private final Settlement settlement;
    private final ContractConfig config;

    HourlyBilling(Ledger ledger, Settlement settlement, ContractConfig config) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.config = config;
    }

    /** The weekly limit in force at the instant. */
    public int limitAt(Contract c, Instant at) {
        WeeklyLimitChange change = WeeklyLimitChange
                .find("contractId = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc, id desc", c.id, at).firstResult();
        return change == null ? 0 : change.minutes;
    }

    /** A decrease waiting for next Monday, if any. */
    public WeeklyLimitChange pendingChange(Contract c, Instant now) {
        return WeeklyLimitChange.find("contractId = ?1 and effectiveFrom > ?2 order by effectiveFrom desc, id desc", c.id, now)
                .firstResult();
    }

    /** An increase applies now, a decrease from next Monday 00:00 UTC (PUB S42); the latest setting wins. */
    public void setLimit(Contract c, int minutes, Instant now) {
        WeeklyLimitChange.delete("contractId = ?1 and effectiveFrom > ?2", c.id, now);
        int current = limitAt(c, now);
        Instant from = minutes >= current ? now : WorkCalendar.nextWeekStart(now);
        new WeeklyLimitChange(c.id, from, minutes, now).persist();
    }

    /** Billing weeks with logged time and no invoice yet, oldest first. */
    public List<LocalDate> uninvoicedWeeks(Contract c) {
        return TimeEntry.getEntityManager().createQuery("""
                        select distinct t.weekStart from TimeEntry t where t.contractId = :id
                        and not exists (select 1 from HourlyInvoice i where i.contractId = t.contractId and i.weekStart = t.weekStart)
                        order by t.weekStart""", LocalDate.class)
                .setParameter("id", c.id).getResultList();
    }

    public int loggedMinutes(Contract c, LocalDate weekStart) {
        Long sum = TimeEntry.getEntityManager()
                .createQuery("select coalesce(sum(t.minutes), 0) from TimeEntry t where t.contractId = :id and t.weekStart = :w", Long.class)
                .setParameter("id", c.id).setParameter("w", weekStart).getSingleResult();
        return sum.intValue();
    }

    /** The Monday invoice: the week's logged minutes capped by the limit in force at week end. */
    public HourlyInvoice invoice(Contract c, LocalDate weekStart) {
        HourlyInvoice invoice = new HourlyInvoice(c.id, weekStart, loggedMinutes(c, weekStart),
                limitAt(c, WorkCalendar.weekEnd(weekStart)), c.hourlyRateCents);
        invoice.persist();
        if (invoice.amountCents > 0) {
            ledger.posting(c, "INVOICE:" + c.id + ":" + weekStart, invoice.invoicedAt)
                    .entry(EntryType.HOURLY_CHARGE, Accounts.clientFunding(c), Accounts.inReview(c), invoice.amountCents, null, invoice.id);
        }
        return invoice;
    }

    /** The review ended with no dispute: the charge moves to pending, with its fee, until the Wednesday. */
    public void reviewEnded(Contract c, HourlyInvoice invoice) {
        clear(ledger.posting(c, "REVIEW_CLEARED:" + invoice.id, invoice.reviewEndsAt), c, invoice,
                invoice.amountCents - invoice.refundedCents, invoice.availableAt);
    }

    /**
     * Settles an hourly dispute: {@code refundCents} of the disputed amount goes back to the client,
     * the rest of the invoice clears at once (available after the later of the invoice's Wednesday and
     * the security hold). The outcome joins the contract's dispute record.
     */
    public void settleDispute(Ledger.Posting p, Contract c, HourlyInvoice invoice, long refundCents) {
        c.recordDispute(invoice.settleDispute(refundCents));
        if (refundCents > 0) {
            p.entry(EntryType.HOURLY_DISPUTE_REFUND, Accounts.inReview(c), Accounts.clientFunding(c), refundCents, null, invoice.id);
        }
        long rest = invoice.unclearedCents();
        if (rest > 0) {
            Instant hold = p.effectiveAt().plus(Duration.ofDays(config.securityHoldDays()));
            clear(p, c, invoice, rest, hold.isAfter(invoice.availableAt) ? hold : invoice.availableAt);
        }
    }

    private void clear(Ledger.Posting p, Contract c, HourlyInvoice invoice, long cents, Instant availableAt) {
        p.entry(EntryType.HOURLY_REVIEW_CLEARED, Accounts.inReview(c), Accounts.pending(c), cents, null, invoice.id);
        settlement.payout(p, c, cents, "HOURLY", null, invoice.id, availableAt);
        invoice.cleared(cents, p.effectiveAt(), availableAt);
    }
}
