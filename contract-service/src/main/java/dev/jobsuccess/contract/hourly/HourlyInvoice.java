package dev.jobsuccess.contract.hourly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.commons.problem.ProblemException;

import dev.jobsuccess.contract.contract.DisputeOutcome;

/** One billing week of an hourly contract, invoiced the Monday after (domain.md §d.1.3). */
@Entity
@Table(name = "hourly_invoice")
public class HourlyInvoice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;
    @Column(name = "logged_minutes", nullable = false)
    public int loggedMinutes;
    @Column(name = "limit_minutes", nullable = false)
    public int limitMinutes;
    @Column(name = "billable_minutes", nullable = false)
    public int billableMinutes;
    @Column(name = "rate_cents", nullable = false)
    public long rateCents;
    @Column(name = "amount_cents", nullable = false)
    public long amountCents;
    @Column(name = "invoiced_at", nullable = false)
    public Instant invoicedAt;
    @Column(name = "review_ends_at", nullable = false)
    public Instant reviewEndsAt;
    @Column(name = "available_at", nullable = false)
    public Instant availableAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;
    @Column(name = "disputed_cents", nullable = false)
    public long disputedCents;
    @Column(name = "dispute_opened_at")
    public Instant disputeOpenedAt;
    @Column(name = "dispute_response_deadline")
    public Instant disputeResponseDeadline;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_outcome")
    public DisputeOutcome disputeOutcome;
    @Column(name = "refunded_cents", nullable = false)
    public long refundedCents;
    @Column(name = "cleared_cents", nullable = false)
    public long clearedCents;
    @Column(name = "cleared_at")
    public Instant clearedAt;
    @Version
    public long version;

    protected HourlyInvoice() {
    }

    HourlyInvoice(UUID contractId, LocalDate weekStart, int loggedMinutes, int limitMinutes, long rateCents) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.weekStart = weekStart;
        this.loggedMinutes = loggedMinutes;
        this.limitMinutes = limitMinutes;
        this.billableMinutes = Math.min(loggedMinutes, limitMinutes);
        this.rateCents = rateCents;
        // billable_cents = floor(min(logged, limit) × rate / 60) [DESIGN rounding]
        this.amountCents = Math.floorDiv(Math.multiplyExact((long) billableMinutes, rateCents), 60L);
        this.invoicedAt = WorkCalendar.invoiceAt(weekStart);
        this.reviewEndsAt = WorkCalendar.reviewEndsAt(weekStart);
        this.availableAt = WorkCalendar.availableAt(weekStart);
        this.status = amountCents > 0 ? InvoiceStatus.IN_REVIEW : InvoiceStatus.NOT_BILLED;
    }

    // ---- transitions: IN_REVIEW → DISPUTED → DISPUTE_UNDER_REVIEW; review over or dispute settled → PENDING
    // (or REFUNDED when nothing is left) → AVAILABLE ----

    /** Refuses the command unless the invoice is in {@code expected}. */
    public void require(InvoiceStatus expected, String code) {
        if (status != expected) {
            throw ProblemException.conflict(code, "invoice " + id + " is " + status);
        }
    }

    /** The client disputes {@code cents} of the invoice during its review; the freelancer answers by {@code responseDeadline}. */
    public void dispute(long cents, Instant at, Instant responseDeadline) {
        if (status != InvoiceStatus.IN_REVIEW) {
            throw ProblemException.conflict("INVOICE_NOT_IN_REVIEW", "invoice " + id + " is " + status
                    + "; the client may dispute only during the review, until " + reviewEndsAt);
        }
        if (cents > amountCents) {
            throw ProblemException.badRequest("disputedCents", "must not exceed the invoice's " + amountCents + " cents");
        }
        status = InvoiceStatus.DISPUTED;
        disputedCents = cents;
        disputeOpenedAt = at;
        disputeResponseDeadline = responseDeadline;
    }

    /** The freelancer contests the dispute: the platform decides. */
    public void contest() {
        require(InvoiceStatus.DISPUTED, "INVOICE_NOT_DISPUTED");
        status = InvoiceStatus.DISPUTE_UNDER_REVIEW;
    }

    /**
     * Settles the dispute with {@code refundCents} of the disputed amount back to the client; returns the outcome.
     * With nothing left to clear the invoice is REFUNDED; otherwise {@link #cleared} follows.
     */
    public DisputeOutcome settleDispute(long refundCents) {
        if (status != InvoiceStatus.DISPUTED && status != InvoiceStatus.DISPUTE_UNDER_REVIEW) {
            throw ProblemException.conflict("INVOICE_NOT_DISPUTED", "invoice " + id + " is " + status);
        }
        if (refundCents < 0 || refundCents > disputedCents) {
            throw ProblemException.badRequest("refundCents", "must be from 0 to the disputed " + disputedCents + " cents");
        }
        refundedCents += refundCents;
        disputeOutcome = DisputeOutcome.ofSplit(disputedCents - refundCents, disputedCents);
        if (unclearedCents() == 0) {
            status = InvoiceStatus.REFUNDED;
        }
        return disputeOutcome;
    }

    /** What is still charged and neither cleared to the freelancer nor refunded. */
    public long unclearedCents() {
        return amountCents - refundedCents - clearedCents;
    }

    /** {@code cents} left the client's review for the freelancer's pending balance, available at {@code availableAt}. */
    public void cleared(long cents, Instant at, Instant availableAt) {
        if (status != InvoiceStatus.IN_REVIEW && status != InvoiceStatus.DISPUTED && status != InvoiceStatus.DISPUTE_UNDER_REVIEW) {
            throw new IllegalStateException("invoice " + id + " is " + status + " and has nothing in review to clear");
        }
        clearedCents += cents;
        clearedAt = at;
        this.availableAt = availableAt;
        status = InvoiceStatus.PENDING;
    }

    /** The security hold on the cleared money ended. */
    public void fundsAvailable() {
        if (status == InvoiceStatus.PENDING) {
            status = InvoiceStatus.AVAILABLE;
        }
    }
}
