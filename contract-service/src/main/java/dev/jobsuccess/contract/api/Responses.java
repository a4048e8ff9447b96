package dev.jobsuccess.contract.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.ContractView;
import dev.jobsuccess.contract.contract.DisputeOutcome;
import dev.jobsuccess.contract.contract.EndReason;
import dev.jobsuccess.contract.contract.OfferClosedReason;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.contract.PauseReason;
import dev.jobsuccess.contract.dispute.Dispute;
import dev.jobsuccess.contract.dispute.DisputeResolution;
import dev.jobsuccess.contract.dispute.DisputeStatus;
import dev.jobsuccess.contract.dispute.EscrowRefundRequest;
import dev.jobsuccess.contract.dispute.RefundRequestStatus;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.hourly.InvoiceStatus;
import dev.jobsuccess.contract.hourly.TimeEntry;
import dev.jobsuccess.contract.ledger.Accounts;
import dev.jobsuccess.contract.ledger.BalanceView;
import dev.jobsuccess.contract.ledger.EntryType;
import dev.jobsuccess.contract.ledger.LedgerEntry;
import dev.jobsuccess.contract.ledger.LedgerView;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneStatus;


/** The response bodies of the contract API: built from entities, never the entities themselves. */
public final class Responses {

    static final String USD = "USD";

    private Responses() {
    }

    public record ContractResponse(UUID contractId, String clientId, String freelancerId, ContractType type, String title,
                                   String category, ContractStatus status, Instant createdAt, Instant startedAt,
                                   Instant offerClosedAt, OfferClosedReason offerClosedReason, Instant endedAt, Party endedBy,
                                   EndReason endReasonCode, String currency, Long hourlyRateCents, Integer weeklyLimitMinutes,
                                   Integer nextWeeklyLimitMinutes, Instant nextWeeklyLimitFrom, Instant pausedAt,
                                   PauseReason pauseReason, DisputeOutcome disputeOutcome, Instant lastActivityAt,
                                   Instant feedbackWindowClosesAt) {
        /** @param viewer who reads it: the end reason is shown to the party who gave it and the platform only */
        static ContractResponse of(ContractView v, Actor viewer) {
            Contract c = v.contract();
            return new ContractResponse(c.id, c.clientId, c.freelancerId, c.type, c.title, c.category, c.status, c.createdAt,
                    c.startedAt, c.offerClosedAt, c.offerClosedReason, c.endedAt, c.endedBy, c.endReasonSeenBy(viewer), USD,
                    c.hourlyRateCents,
                    v.weeklyLimitMinutes(), v.nextWeeklyLimitMinutes(), v.nextWeeklyLimitFrom(), c.pausedAt, c.pauseReason,
                    c.disputeOutcome, c.lastActivityAt, v.feedbackWindowClosesAt());
        }
    }

    /** A contract in a list: what identifies it and where it stands; GET /contracts/{id} has the rest. */
    public record ContractSummary(UUID contractId, String clientId, String freelancerId, ContractType type, String title,
                                  String category, ContractStatus status, Instant createdAt, Instant startedAt,
                                  Instant endedAt, Party endedBy, EndReason endReasonCode, DisputeOutcome disputeOutcome,
                                  Instant lastActivityAt) {
        static ContractSummary of(Contract c, Actor viewer) {
            return new ContractSummary(c.id, c.clientId, c.freelancerId, c.type, c.title, c.category, c.status, c.createdAt,
                    c.startedAt, c.endedAt, c.endedBy, c.endReasonSeenBy(viewer), c.disputeOutcome, c.lastActivityAt);
        }
    }

    /** @param nextCursor pass it as {@code cursor} for the next page; null on the last page */
    public record ContractPage(List<ContractSummary> contracts, String nextCursor) {}

    public record MilestoneResponse(UUID milestoneId, UUID contractId, int seq, String description, long amountCents,
                                    String currency, LocalDate dueDate, MilestoneStatus status, long fundedCents,
                                    long releasedCents, long refundedCents, long rolledInCents, long rolledOutCents,
                                    long escrowCents, Instant fundedAt, Instant submittedAt, Instant reviewDeadline,
                                    boolean autoApproved) {
        static MilestoneResponse of(Milestone m) {
            return new MilestoneResponse(m.id, m.contractId, m.seq, m.description, m.amountCents, USD, m.dueDate, m.status,
                    m.fundedCents, m.releasedCents, m.refundedCents, m.rolledInCents, m.rolledOutCents, m.remainingCents(),
                    m.fundedAt, m.submittedAt, m.reviewDeadline, m.autoApproved);
        }
    }

    public record LedgerEntryResponse(long entryNo, EntryType entryType, String debitAccount, String creditAccount,
                                      long amountCents, Instant effectiveAt, Instant createdAt, UUID milestoneId, UUID invoiceId) {
        static LedgerEntryResponse of(LedgerEntry e) {
            return new LedgerEntryResponse(e.entryNo, e.entryType, e.debitAccount, e.creditAccount, e.amountCents,
                    e.effectiveAt, e.createdAt, e.milestoneId, e.invoiceId);
        }
    }

    public record LedgerResponse(UUID contractId, String currency, List<LedgerEntryResponse> entries) {}

    public record BalanceResponse(UUID contractId, String currency, Instant asOf, long escrowCents,
                                  long freelancerInReviewCents, long freelancerPendingCents, long freelancerAvailableCents,
                                  long platformFeesCents, long clientPaidCents, long grossReleasedCents,
                                  long hourlyChargedCents, long bonusCents, long refundedCents, long netEarningsCents,
                                  long escrowRefundPendingCents, long refundableCents, List<Instant> paymentInstants,
                                  Map<String, Long> accounts) {
        static BalanceResponse of(BalanceView b) {
            Contract c = b.contract();
            LedgerView l = b.ledger();
            return new BalanceResponse(c.id, USD, l.asOf(), l.balance(Accounts.escrow(c)), l.balance(Accounts.inReview(c)),
                    l.balance(Accounts.pending(c)), l.balance(Accounts.available(c)), l.balance(Accounts.PLATFORM_FEES),
                    -l.balance(Accounts.clientFunding(c)), l.grossReleasedCents(), l.hourlyChargedCents(), l.bonusCents(),
                    l.refundedCents(), l.netEarningsCents(), b.escrowRefundPendingCents(), b.refundableCents(),
                    l.paymentInstants(), l.balances());
        }
    }

    public record EscrowRefundRequestResponse(UUID requestId, UUID contractId, long amountCents, String currency,
                                              RefundRequestStatus status, Instant requestedAt, Instant responseDeadline,
                                              Instant respondedAt) {
        static EscrowRefundRequestResponse of(EscrowRefundRequest r) {
            return new EscrowRefundRequestResponse(r.id, r.contractId, r.amountCents, USD, r.status, r.requestedAt,
                    r.responseDeadline, r.respondedAt);
        }
    }

    public record DisputeResponse(UUID disputeId, UUID contractId, UUID refundRequestId, long amountCents, String currency,
                                  DisputeStatus status, Instant filedAt, Instant clientResponseDeadline,
                                  Instant mediationDeadline, Instant arbitrationDeadline, DisputeResolution resolution,
                                  DisputeOutcome outcome, long releasedCents, long refundedCents, Boolean clientPaidArbitration,
                                  Boolean freelancerPaidArbitration, Instant resolvedAt) {
        static DisputeResponse of(Dispute d) {
            return new DisputeResponse(d.id, d.contractId, d.refundRequestId, d.amountCents, USD, d.status, d.filedAt,
                    d.clientResponseDeadline, d.mediationDeadline, d.arbitrationDeadline, d.resolution, d.outcome,
                    d.releasedCents, d.refundedCents, d.clientPaidArbitration, d.freelancerPaidArbitration, d.resolvedAt);
        }
    }

    public record TimeEntryResponse(UUID timeEntryId, UUID contractId, LocalDate workDate, LocalDate weekStart, int minutes,
                                    String memo, Instant loggedAt) {
        static TimeEntryResponse of(TimeEntry t) {
            return new TimeEntryResponse(t.id, t.contractId, t.workDate, t.weekStart, t.minutes, t.memo, t.loggedAt);
        }
    }

    public record InvoiceResponse(UUID invoiceId, UUID contractId, LocalDate weekStart, int loggedMinutes, int limitMinutes,
                                  int billableMinutes, long rateCents, long amountCents, String currency, InvoiceStatus status,
                                  Instant invoicedAt, Instant reviewEndsAt, Instant availableAt, long disputedCents,
                                  Instant disputeOpenedAt, Instant disputeResponseDeadline, DisputeOutcome disputeOutcome,
                                  long refundedCents, long clearedCents, Instant clearedAt) {
        static InvoiceResponse of(HourlyInvoice i) {
            return new InvoiceResponse(i.id, i.contractId, i.weekStart, i.loggedMinutes, i.limitMinutes, i.billableMinutes,
                    i.rateCents, i.amountCents, USD, i.status, i.invoicedAt, i.reviewEndsAt, i.availableAt, i.disputedCents,
                    i.disputeOpenedAt, i.disputeResponseDeadline, i.disputeOutcome, i.refundedCents, i.clearedCents, i.clearedAt);
        }
    }
}
