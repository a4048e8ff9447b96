package dev.jobsuccess.contract.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;

/**
 * The timers of domain.md §d.1, one {@link TimerRule} each: milestone auto-approval, escrow refund timeout,
 * dispute deadlines (client silence, mediation and arbitration lapses), Monday invoices, review clearing,
 * hourly dispute timeout, security holds and dormant contracts.
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
    /** In this order, which breaks ties between actions due at the same instant. */
    private final List<TimerRule> rules;
    /** Every rule's due timers as one {@code (contract_id, due)} relation. */
    private final String dueSql;

    ContractTimers(EntityManager em, Clock clock, ContractConfig config, MilestoneAutoApproval autoApproval,
                   EscrowRefundTimeout refundTimeout, EscrowDisputeDeadline disputeDeadline, MondayInvoice mondayInvoice,
                   InvoiceReviewEnd reviewEnd, HourlyDisputeTimeout hourlyDisputeTimeout, SecurityHoldRelease securityHold,
                   DormantContract dormancy) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.rules = List.of(autoApproval, refundTimeout, disputeDeadline, mondayInvoice, reviewEnd, hourlyDisputeTimeout,
                securityHold, dormancy);
        this.dueSql = rules.stream().map(TimerRule::dueSql).collect(Collectors.joining("\nUNION ALL\n"));
    }

    /** Applies, in order, every timer of this (locked) contract due at or before {@code now}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int catchUp(Contract c, Instant now) {
        int applied = 0;
        for (DueTimer due = next(c, now); due != null; due = next(c, now)) {
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

    /** Contracts with a timer due at or before {@code now}, by earliest due instant: the union of every rule's due timers. */
    @SuppressWarnings("unchecked")
    List<UUID> dueContracts(Instant now, int limit) {
        return em.createNativeQuery("SELECT contract_id FROM (\n" + dueSql + "\n) due GROUP BY contract_id ORDER BY min(due), contract_id LIMIT ?2")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList().stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }

    /** The contract's earliest due action over all rules. */
    private DueTimer next(Contract c, Instant now) {
        DueTimer best = null;
        for (TimerRule rule : rules) {
            best = DueTimer.earlier(best, rule.next(c, now));
        }
        return best;
    }
}
