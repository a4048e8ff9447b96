package dev.jobsuccess.contract.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.EndReason;
import dev.jobsuccess.contract.contract.Endings;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.dispute.Dispute;
import dev.jobsuccess.contract.dispute.DisputeResolution;
import dev.jobsuccess.contract.dispute.DisputeStatus;
import dev.jobsuccess.contract.dispute.Disputes;
import dev.jobsuccess.contract.dispute.EscrowRefundRequest;
import dev.jobsuccess.contract.dispute.RefundRequestStatus;
import dev.jobsuccess.contract.hourly.HourlyBilling;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.hourly.InvoiceStatus;
import dev.jobsuccess.contract.hourly.WorkCalendar;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.PayoutHold;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneRules;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/**
 * The timers of domain.md §d.1: milestone auto-approval, escrow refund timeout, dispute deadlines,
 * mediation and arbitration lapses, Monday invoices, review clearing, hourly dispute timeout,
 * security holds and dormant contracts.
 *
 * <p>Nothing is scheduled ahead: each rule is a due instant stored on its row, and whatever is due
 * is applied in order of that instant, with its ledger entries effective at it, so a service that
 * was down catches up exactly. {@link #processDue()} works contract by contract, each in its own
 * transaction on the locked contract row ({@code FOR UPDATE SKIP LOCKED} first, so two replicas
 * share the work); every action checks the state it changes, and ledger idempotency keys name the
 * action, so nothing happens twice. Commands call {@link #catchUp} on the contract they lock.
 */
@ApplicationScoped
public class ContractTimers {

    private static final Logger LOG = Logger.getLogger(ContractTimers.class);

    private final EntityManager em;
    private final Clock clock;
    private final ContractConfig config;
    private final Ledger ledger;
    private final Settlement settlement;
    private final HourlyBilling hourly;
    private final Endings endings;

    ContractTimers(EntityManager em, Clock clock, ContractConfig config, Ledger ledger, Settlement settlement,
                   HourlyBilling hourly, Endings endings) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.ledger = ledger;
        this.settlement = settlement;
        this.hourly = hourly;
        this.endings = endings;
    }

    private record Due(Instant at, Runnable action) {}

    /** Applies, in order, every timer of this (locked) contract due at or before {@code now}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int catchUp(Contract c, Instant now) {
        int applied = 0;
        for (Due due = next(c, now); due != null; due = next(c, now)) {
            due.action().run();
            applied++;
            if (applied > 10_000) {
                throw new IllegalStateException("timers of contract " + c.id + " do not converge");
            }
        }
        return applied;
    }

    /**
     * One pass over every contract with something due now, earliest first; returns how many contracts
     * it caught up. Safe to run on several replicas at once.
     */
    public int processDue() {
        Instant now = clock.instant();
        Set<UUID> seen = new HashSet<>();
        int done = 0;
        while (true) {
            // Contracts already handled in this pass are fetched again but skipped, so one that keeps
            // failing cannot hold a place in every batch.
            int limit = config.timerBatchSize() + seen.size();
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> dueContracts(now, limit));
            List<UUID> fresh = due.stream().filter(seen::add).toList();
            if (fresh.isEmpty()) {
                return done;
            }
            List<UUID> busy = new ArrayList<>();
            for (UUID id : fresh) {
                Boolean locked = run(id, now, true);
                if (locked == null) {
                    continue;
                }
                if (locked) {
                    done++;
                } else {
                    busy.add(id);
                }
            }
            // Contracts another transaction held: wait for it, then apply what is still due (usually nothing).
            for (UUID id : busy) {
                if (Boolean.TRUE.equals(run(id, now, false))) {
                    done++;
                }
            }
            if (due.size() < limit) {
                return done;
            }
        }
    }

    /** True when caught up, false when the row was locked and skipped, null when it failed. */
    private Boolean run(UUID id, Instant now, boolean skipLocked) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!skipLocked) {
                    em.createNativeQuery("SELECT set_config('lock_timeout', '10s', true)").getSingleResult();
                }
                List<?> rows = em.createNativeQuery("SELECT id FROM contract WHERE id = ?1 FOR UPDATE"
                        + (skipLocked ? " SKIP LOCKED" : "")).setParameter(1, id).getResultList();
                if (rows.isEmpty()) {
                    return false;
                }
                Contract c = em.find(Contract.class, id);
                catchUp(c, now);
                return true;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "timers of contract %s failed; they are retried on the next pass", id);
            return null;
        }
    }

    /** Contracts with a timer due at or before {@code now}, by earliest due instant. */
    @SuppressWarnings("unchecked")
    List<UUID> dueContracts(Instant now, int limit) {
        Timestamp t = Timestamp.from(now);
        return em.createNativeQuery("""
                        SELECT contract_id FROM (
                            SELECT contract_id, review_deadline AS due FROM milestone
                             WHERE status = 'SUBMITTED' AND review_deadline <= ?1
                            UNION ALL
                            SELECT contract_id, response_deadline FROM escrow_refund_request
                             WHERE status = 'PENDING' AND response_deadline <= ?1
                            UNION ALL
                            SELECT contract_id, CASE status WHEN 'AWAITING_CLIENT' THEN client_response_deadline
                                                            WHEN 'IN_MEDIATION' THEN mediation_deadline
                                                            ELSE arbitration_deadline END
                              FROM dispute WHERE status <> 'RESOLVED'
                               AND CASE status WHEN 'AWAITING_CLIENT' THEN client_response_deadline
                                               WHEN 'IN_MEDIATION' THEN mediation_deadline
                                               ELSE arbitration_deadline END <= ?1
                            UNION ALL
                            SELECT contract_id, review_ends_at FROM hourly_invoice WHERE status = 'IN_REVIEW' AND review_ends_at <= ?1
                            UNION ALL
                            SELECT contract_id, dispute_response_deadline FROM hourly_invoice
                             WHERE status = 'DISPUTED' AND dispute_response_deadline <= ?1
                            UNION ALL
                            SELECT contract_id, releases_at FROM payout_hold WHERE cleared_at IS NULL AND releases_at <= ?1
                            UNION ALL
                            SELECT t.contract_id, ((t.week_start + 7)::timestamp AT TIME ZONE 'UTC') + interval '12 hours'
                              FROM time_entry t
                             WHERE t.week_start <= (?1 AT TIME ZONE 'UTC')::date - 7
                               AND NOT EXISTS (SELECT 1 FROM hourly_invoice i WHERE i.contract_id = t.contract_id AND i.week_start = t.week_start)
                            UNION ALL
                            SELECT c.id, c.last_activity_at + make_interval(days => ?2) FROM contract c
                             WHERE c.contract_type = 'FIXED_PRICE' AND c.status IN ('ACTIVE', 'PAUSED')
                               AND c.last_activity_at + make_interval(days => ?2) <= ?1
                               AND EXISTS (SELECT 1 FROM milestone m WHERE m.contract_id = c.id
                                           AND m.funded_cents - m.released_cents - m.refunded_cents - m.rolled_out_cents > 0)
                        ) due
                        WHERE due <= ?1
                        GROUP BY contract_id ORDER BY min(due), contract_id LIMIT ?3""")
                .setParameter(1, t)
                .setParameter(2, config.dormantFixedPriceDays())
                .setParameter(3, limit)
                .getResultList().stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }

    // ---- the contract's next due action ----------------------------------------------------------

    private Due next(Contract c, Instant now) {
        Due best = null;
        best = earlier(best, autoApproval(c, now));
        best = earlier(best, refundTimeout(c, now));
        best = earlier(best, disputeDeadline(c, now));
        best = earlier(best, mondayInvoice(c, now));
        best = earlier(best, reviewEnd(c, now));
        best = earlier(best, hourlyDisputeTimeout(c, now));
        best = earlier(best, securityHold(c, now));
        best = earlier(best, dormancy(c, now));
        return best;
    }

    private static Due earlier(Due a, Due b) {
        if (a == null) {
            return b;
        }
        return b != null && b.at().isBefore(a.at()) ? b : a;
    }

    private Due autoApproval(Contract c, Instant now) {
        Milestone m = Milestone.find("contractId = ?1 and status = ?2 and reviewDeadline <= ?3 order by reviewDeadline, seq",
                c.id, MilestoneStatus.SUBMITTED, now).firstResult();
        return m == null ? null : new Due(m.reviewDeadline, () -> {
            // "If you do not take action within that time, that's considered approval" (PUB S31).
            var before = settlement.snapshot(c);
            var p = ledger.posting(c, "AUTO_APPROVE:" + m.id + ":" + m.submissionCount, m.reviewDeadline);
            settlement.releaseMilestone(p, c, m, MilestoneRules.approveAmount(m), settlement.milestones(c.id));
            m.autoApproved = true;
            settlement.adjusted(c, before, AdjustmentCause.ESCROW_RELEASE, m.reviewDeadline);
        });
    }

    private Due refundTimeout(Contract c, Instant now) {
        EscrowRefundRequest r = EscrowRefundRequest.find("contractId = ?1 and status = ?2 and responseDeadline <= ?3",
                c.id, RefundRequestStatus.PENDING, now).firstResult();
        return r == null ? null : new Due(r.responseDeadline, () -> {
            // The freelancer did not respond: the escrow is refunded (PUB S35).
            settlement.settleRefund(ledger.posting(c, "REFUND_TIMEOUT:" + r.id, r.responseDeadline), c, 0, MilestoneStatus.REFUNDED);
            r.status = RefundRequestStatus.TIMED_OUT;
            r.respondedAt = r.responseDeadline;
        });
    }

    private Due disputeDeadline(Contract c, Instant now) {
        Dispute d = Dispute.find("contractId = ?1 and status <> ?2", c.id, DisputeStatus.RESOLVED).firstResult();
        if (d == null) {
            return null;
        }
        return switch (d.status) {
            case AWAITING_CLIENT -> d.clientResponseDeadline.isAfter(now) ? null : new Due(d.clientResponseDeadline, () -> {
                // The client did not respond within 5 business days: the escrow goes to the freelancer (PUB S37).
                var before = settlement.snapshot(c);
                Disputes.resolve(settlement, ledger.posting(c, "DISPUTE_SILENT:" + d.id, d.clientResponseDeadline), c, d,
                        d.amountCents, MilestoneStatus.RELEASED, DisputeResolution.CLIENT_SILENT);
                settlement.adjusted(c, before, AdjustmentCause.ESCROW_REFUND_RESOLVED, d.clientResponseDeadline);
            });
            case IN_MEDIATION -> d.mediationDeadline.isAfter(now) ? null : new Due(d.mediationDeadline, () -> {
                // No agreement within the mediation period: arbitration is offered (PUB S37, S38).
                Disputes.offerArbitration(settlement, c, d, d.mediationDeadline, config.arbitrationPaymentDays());
            });
            case ARBITRATION_OFFERED -> d.arbitrationDeadline.isAfter(now) ? null : new Due(d.arbitrationDeadline, () -> {
                // Neither party paid the arbitration fee in time: the client gets the funds (PUB S38).
                var before = settlement.snapshot(c);
                d.clientPaidArbitration = false;
                d.freelancerPaidArbitration = false;
                Disputes.resolve(settlement, ledger.posting(c, "ARBITRATION_LAPSED:" + d.id, d.arbitrationDeadline), c, d,
                        0, MilestoneStatus.REFUNDED, DisputeResolution.ARBITRATION_NEITHER_PAID);
                settlement.adjusted(c, before, AdjustmentCause.ARBITRATION, d.arbitrationDeadline);
            });
            case RESOLVED -> null;
        };
    }

    private Due mondayInvoice(Contract c, Instant now) {
        if (c.type != ContractType.HOURLY || c.hourlyRateCents == null) {
            return null;
        }
        for (LocalDate week : hourly.uninvoicedWeeks(c)) {
            Instant at = WorkCalendar.invoiceAt(week);
            if (!at.isAfter(now)) {
                return new Due(at, () -> hourly.invoice(c, week));
            }
            return null;
        }
        return null;
    }

    private Due reviewEnd(Contract c, Instant now) {
        HourlyInvoice i = HourlyInvoice.find("contractId = ?1 and status = ?2 and reviewEndsAt <= ?3 order by weekStart",
                c.id, InvoiceStatus.IN_REVIEW, now).firstResult();
        return i == null ? null : new Due(i.reviewEndsAt, () -> {
            var before = settlement.snapshot(c);
            hourly.reviewEnded(c, i);
            settlement.adjusted(c, before, AdjustmentCause.HOURLY_INVOICE, i.reviewEndsAt);
        });
    }

    private Due hourlyDisputeTimeout(Contract c, Instant now) {
        HourlyInvoice i = HourlyInvoice.find("contractId = ?1 and status = ?2 and disputeResponseDeadline <= ?3 order by weekStart",
                c.id, InvoiceStatus.DISPUTED, now).firstResult();
        return i == null ? null : new Due(i.disputeResponseDeadline, () -> {
            // The freelancer did not respond within 3 business days: the disputed amount is refunded (PUB S44).
            var before = settlement.snapshot(c);
            hourly.settleDispute(ledger.posting(c, "HOURLY_DISPUTE_LAPSED:" + i.id, i.disputeResponseDeadline), c, i, i.disputedCents);
            settlement.adjusted(c, before, AdjustmentCause.HOURLY_DISPUTE, i.disputeResponseDeadline);
        });
    }

    private Due securityHold(Contract c, Instant now) {
        PayoutHold h = PayoutHold.find("contractId = ?1 and clearedAt is null and releasesAt <= ?2 order by releasesAt",
                c.id, now).firstResult();
        return h == null ? null : new Due(h.releasesAt,
                () -> settlement.securityCleared(ledger.posting(c, "SECURITY_CLEARED:" + h.id, h.releasesAt), c, h));
    }

    private Due dormancy(Contract c, Instant now) {
        if (c.type != ContractType.FIXED_PRICE || !c.status.running()) {
            return null;
        }
        Instant at = c.lastActivityAt.plus(Duration.ofDays(config.dormantFixedPriceDays()));
        if (at.isAfter(now) || settlement.milestones(c.id).stream().mapToLong(Milestone::remainingCents).sum() == 0) {
            return null;
        }
        // 90 days with no activity and funds held: the system closes it and asks the escrow back (S46).
        return new Due(at, () -> endings.end(c, Party.SYSTEM, EndReason.DORMANT_AUTO_CLOSED, null, null, at));
    }
}
