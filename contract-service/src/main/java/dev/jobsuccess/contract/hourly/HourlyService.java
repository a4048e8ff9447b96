package dev.jobsuccess.contract.hourly;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractAccess;
import dev.jobsuccess.contract.contract.ContractService;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.ContractView;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.contract.PauseReason;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;

/** Hourly contracts: time logged, the weekly limit, invoices and their disputes. */
@ApplicationScoped
public class HourlyService {

    private final Clock clock;
    private final ContractConfig config;
    private final ContractAccess access;
    private final Ledger ledger;
    private final Settlement settlement;
    private final HourlyBilling billing;
    private final ContractService contracts;

    HourlyService(Clock clock, ContractConfig config, ContractAccess access, Ledger ledger, Settlement settlement,
                  HourlyBilling billing, ContractService contracts) {
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.ledger = ledger;
        this.settlement = settlement;
        this.billing = billing;
        this.contracts = contracts;
    }

    /** The freelancer logs time on a day of the current billing week (the Work Diary locks at the end and while paused). */
    @Transactional
    public TimeEntry logTime(UUID contractId, Actor actor, LocalDate workDate, int minutes, String memo) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        c.requireHourly();
        c.requireActive();
        if (c.hourlyRateCents == null) {
            throw ProblemException.conflict("NO_HOURLY_RATE", "contract " + c.id + " predates hourly rates; time cannot be billed on it");
        }
        Instant now = clock.instant();
        LocalDate today = WorkCalendar.date(now);
        LocalDate day = workDate == null ? today : workDate;
        if (day.isAfter(today) || day.isBefore(WorkCalendar.weekStart(today))) {
            throw ProblemException.badRequest("workDate", "must be a day of the current billing week ("
                    + WorkCalendar.weekStart(today) + " to " + today + ")");
        }
        Long logged = TimeEntry.getEntityManager()
                .createQuery("select coalesce(sum(t.minutes), 0) from TimeEntry t where t.contractId = :id and t.workDate = :d", Long.class)
                .setParameter("id", c.id).setParameter("d", day).getSingleResult();
        if (logged + minutes > 24 * 60) {
            throw ProblemException.badRequest("minutes", "the day would have more than 24 hours (" + logged + " minutes logged)");
        }
        TimeEntry entry = new TimeEntry(c.id, day, minutes, memo, now);
        entry.persist();
        return entry;
    }

    @Transactional
    public List<TimeEntry> timeEntries(UUID contractId, Actor actor) {
        Contract c = access.read(contractId, actor);
        return TimeEntry.list("contractId = ?1 order by workDate, loggedAt", c.id);
    }

    /** The client sets the weekly limit: an increase applies now, a decrease from next Monday (PUB S42). */
    @Transactional
    public ContractView setWeeklyLimit(UUID contractId, Actor actor, int minutes) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireHourly();
        c.requireRunning();
        Instant now = clock.instant();
        billing.setLimit(c, minutes, now);
        return contracts.view(c, now);
    }

    @Transactional
    public List<HourlyInvoice> invoices(UUID contractId, Actor actor) {
        Contract c = access.read(contractId, actor);
        return HourlyInvoice.list("contractId = ?1 order by weekStart", c.id);
    }

    /**
     * The client disputes an invoice during its review (Monday noon to Friday): the contract pauses and
     * the freelancer has 3 business days to accept or contest; silence refunds the disputed amount (PUB S44).
     */
    @Transactional
    public HourlyInvoice dispute(UUID contractId, UUID invoiceId, Actor actor, Long disputedCents) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireHourly();
        HourlyInvoice invoice = invoice(c, invoiceId);
        Instant now = clock.instant();
        invoice.dispute(disputedCents == null ? invoice.amountCents : disputedCents, now,
                WorkCalendar.endOfBusinessDays(now, config.hourlyDisputeResponseBusinessDays()));
        if (c.status == ContractStatus.ACTIVE) {
            c.pause(PauseReason.HOURLY_DISPUTE, now);
            settlement.statusChanged(c);
        }
        return invoice;
    }

    /** The freelancer accepts the dispute: the disputed amount goes back to the client. */
    @Transactional
    public HourlyInvoice acceptDispute(UUID contractId, UUID invoiceId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        HourlyInvoice invoice = disputed(c, invoiceId, InvoiceStatus.DISPUTED, "INVOICE_NOT_DISPUTED");
        settle(c, invoice, invoice.disputedCents, "HOURLY_DISPUTE_ACCEPTED:" + invoice.id);
        return invoice;
    }

    /** The freelancer contests the dispute: the platform reviews the Work Diary and decides. */
    @Transactional
    public HourlyInvoice contestDispute(UUID contractId, UUID invoiceId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        HourlyInvoice invoice = disputed(c, invoiceId, InvoiceStatus.DISPUTED, "INVOICE_NOT_DISPUTED");
        invoice.contest();
        return invoice;
    }

    /** The platform decides a contested hourly dispute: how much of the disputed amount the client gets back. */
    @Transactional
    public HourlyInvoice decideDispute(UUID contractId, UUID invoiceId, Actor actor, long refundCents) {
        Contract c = access.lockForPlatform(contractId, actor);
        HourlyInvoice invoice = disputed(c, invoiceId, InvoiceStatus.DISPUTE_UNDER_REVIEW, "DISPUTE_NOT_UNDER_REVIEW");
        if (refundCents > invoice.disputedCents) {
            throw ProblemException.badRequest("refundCents", "must not exceed the disputed " + invoice.disputedCents + " cents");
        }
        settle(c, invoice, refundCents, "HOURLY_DISPUTE_DECIDED:" + invoice.id);
        return invoice;
    }

    private void settle(Contract c, HourlyInvoice invoice, long refundCents, String key) {
        Instant now = clock.instant();
        var before = settlement.snapshot(c);
        billing.settleDispute(ledger.posting(c, key, now), c, invoice, refundCents);
        settlement.adjusted(c, before, AdjustmentCause.HOURLY_DISPUTE, now);
    }

    private static HourlyInvoice disputed(Contract c, UUID invoiceId, InvoiceStatus expected, String code) {
        c.requireHourly();
        HourlyInvoice invoice = invoice(c, invoiceId);
        invoice.require(expected, code);
        return invoice;
    }

    private static HourlyInvoice invoice(Contract c, UUID invoiceId) {
        HourlyInvoice invoice = HourlyInvoice.findById(invoiceId);
        if (invoice == null || !invoice.contractId.equals(c.id)) {
            throw ProblemException.notFound("invoice", invoiceId);
        }
        return invoice;
    }
}
