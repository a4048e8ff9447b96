package dev.jobsuccess.contract.timers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;

/**
 * The timers of domain.md §d.1, one {@link TimerRule} each: offer expiry, milestone auto-approval, escrow refund
 * timeout, dispute deadlines (client silence, mediation and arbitration lapses), Monday invoices, review clearing,
 * hourly dispute timeout, security holds, dormancy notices and dormant contracts.
 *
 * <p>Nothing is scheduled ahead: each rule is a due instant stored on its row, and whatever is due
 * is applied in order of that instant, with its ledger entries effective at it, so a service that
 * was down catches up exactly. {@link #processDue()} works contract by contract, each in its own
 * transaction on the locked contract row ({@code FOR UPDATE SKIP LOCKED} first, so two replicas
 * share the work); every action checks the state it changes, and ledger idempotency keys name the
 * action, so nothing happens twice. Commands first call {@link #catchUpBeforeCommand}.
 *
 * <p>A contract whose timers fail (a bug, or a state no rule can apply, such as an amount that overflows) is
 * isolated: its transaction alone rolls back, the failure is logged, counted in
 * {@code jobsuccess.contract.timer.failures} and stored in {@code timer_failure}, and the contract is tried again
 * after a growing delay. Other contracts' timers and the contract's own commands carry on meanwhile.
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
    private final Counter failures;

    ContractTimers(EntityManager em, Clock clock, ContractConfig config, OfferExpiry offerExpiry,
                   MilestoneAutoApproval autoApproval, EscrowRefundTimeout refundTimeout, EscrowDisputeDeadline disputeDeadline, MondayInvoice mondayInvoice,
                   InvoiceReviewEnd reviewEnd, HourlyDisputeTimeout hourlyDisputeTimeout, SecurityHoldRelease securityHold,
                   DormancyNotice dormancyNotice, DormantContract dormancy, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.rules = List.of(offerExpiry, autoApproval, refundTimeout, disputeDeadline, mondayInvoice, reviewEnd, hourlyDisputeTimeout,
                securityHold, dormancyNotice, dormancy);
        this.failures = Counter.builder("jobsuccess.contract.timer.failures")
                .description("Contracts whose due timers failed and were rolled back, to be tried again later").register(registry);
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
     * Before a command: applies the contract's due timers in a transaction of their own, so the command sees the
     * contract as it stands now. When they fail, the failure is recorded for a later retry and the command goes on
     * without them: a broken timer must not lock the parties out of their contract. Call it before the command's
     * transaction has read the contract. Someone who may not act on the contract ({@code mayAct} false) sets off nothing.
     */
    public void catchUpBeforeCommand(UUID id, Predicate<Contract> mayAct) {
        Instant now = clock.instant();
        // Almost every command finds nothing due: one indexed look in the command's own transaction, instead of a
        // transaction (and a second connection, and a durable commit for the row lock) of its own on every write.
        if (nothingDue(id, now)) {
            return;
        }
        run(id, now, Lock.WAIT, mayAct);
    }

    private boolean nothingDue(UUID id, Instant now) {
        return em.createNativeQuery("SELECT 1 FROM (\n" + dueSql + "\n) timers WHERE timers.contract_id = ?2 LIMIT 1")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, id)
                .getResultList().isEmpty();
    }

    /**
     * One pass over every contract with something due now, earliest first; returns how many contracts
     * it caught up. Safe to run on several replicas at once. A contract whose timers fail is rolled back on
     * its own, counted, and left out of the passes until its retry is due.
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
                switch (run(id, now, Lock.SKIP_LOCKED, c -> true)) {
                    case CAUGHT_UP -> done++;
                    case BUSY -> busy.add(id);
                    case FAILED, BACKING_OFF, NOT_RUN -> { }
                }
            }
            // Contracts another transaction held: wait for it, then apply what is still due (usually nothing).
            for (UUID id : busy) {
                if (run(id, now, Lock.WAIT_A_LITTLE, c -> true) == Outcome.CAUGHT_UP) {
                    done++;
                }
            }
            if (due.size() < limit) {
                return done;
            }
        }
    }

    private enum Lock {
        /** Pass over a contract another transaction holds (a command, or a replica's pass). */
        SKIP_LOCKED,
        /** Wait up to 10 s for the contract, then give up on it for this pass. */
        WAIT_A_LITTLE,
        /** Wait as long as a command would. */
        WAIT
    }

    private enum Outcome { CAUGHT_UP, BUSY, BACKING_OFF, FAILED, NOT_RUN }

    /** Thrown when the contract's row lock could not be had: the contract is busy, its timers did not fail. */
    private static final class NotLocked extends RuntimeException {
        NotLocked(Throwable cause) {
            super(cause);
        }
    }

    /** Catches one contract up in a transaction of its own; a failure rolls back only that contract's timers. */
    private Outcome run(UUID id, Instant now, Lock lock, Predicate<Contract> mayAct) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> rows;
                try {
                    if (lock == Lock.WAIT_A_LITTLE) {
                        em.createNativeQuery("SELECT set_config('lock_timeout', '10s', true)").getSingleResult();
                    }
                    rows = em.createNativeQuery("SELECT id FROM contract WHERE id = ?1 FOR UPDATE"
                            + (lock == Lock.SKIP_LOCKED ? " SKIP LOCKED" : "")).setParameter(1, id).getResultList();
                } catch (RuntimeException e) {
                    throw new NotLocked(e);
                }
                if (rows.isEmpty()) {
                    return lock == Lock.SKIP_LOCKED ? Outcome.BUSY : Outcome.NOT_RUN;
                }
                Contract c = em.find(Contract.class, id);
                if (!mayAct.test(c)) {
                    return Outcome.NOT_RUN;
                }
                List<?> retry = em.createNativeQuery("SELECT retry_at FROM timer_failure WHERE contract_id = ?1")
                        .setParameter(1, id).getResultList();
                if (!retry.isEmpty() && toInstant(retry.getFirst()).isAfter(now)) {
                    return Outcome.BACKING_OFF;
                }
                catchUp(c, now);
                if (!retry.isEmpty()) {
                    em.createNativeQuery("DELETE FROM timer_failure WHERE contract_id = ?1").setParameter(1, id).executeUpdate();
                    LOG.infof("timers of contract %s ran through again after failing", id);
                }
                return Outcome.CAUGHT_UP;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, NotLocked.class)) {
                LOG.debugf(e, "contract %s is busy; its timers run on a later pass", id);
                return Outcome.BUSY;
            }
            failed(id, now, e);
            return Outcome.FAILED;
        }
    }

    /** Counts, logs and records a failure, with the instant from which the contract is tried again. */
    private void failed(UUID id, Instant now, RuntimeException e) {
        failures.increment();
        try {
            int inARow = QuarkusTransaction.requiringNew().call(() -> {
                List<?> before = em.createNativeQuery("SELECT failures FROM timer_failure WHERE contract_id = ?1 FOR UPDATE")
                        .setParameter(1, id).getResultList();
                int n = before.isEmpty() ? 1 : ((Number) before.getFirst()).intValue() + 1;
                em.createNativeQuery("""
                                INSERT INTO timer_failure (contract_id, failures, last_error, failed_at, retry_at)
                                VALUES (?1, ?2, ?3, ?4, ?5)
                                ON CONFLICT (contract_id) DO UPDATE SET failures = excluded.failures, last_error = excluded.last_error,
                                    failed_at = excluded.failed_at, retry_at = excluded.retry_at""")
                        .setParameter(1, id).setParameter(2, n).setParameter(3, String.valueOf(e))
                        .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now.plus(retryDelay(n))))
                        .executeUpdate();
                return n;
            });
            LOG.errorf(e, "timers of contract %s failed (%d time(s) in a row); they are tried again from %s, and the "
                    + "contract's commands go on without them meanwhile", id, inARow, now.plus(retryDelay(inARow)));
        } catch (RuntimeException recording) {
            e.addSuppressed(recording);
            LOG.errorf(e, "timers of contract %s failed, and so did recording it; they are tried again on the next pass", id);
        }
    }

    /** The first retry after {@code timerRetryDelay}, each further one twice as late, never later than the maximum. */
    Duration retryDelay(int failuresInARow) {
        Duration max = config.timerRetryMaxDelay();
        Duration delay = config.timerRetryDelay();
        for (int i = 1; i < failuresInARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Instant toInstant(Object column) {
        return switch (column) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + column.getClass());
        };
    }

    /** Contracts with a timer due at or before {@code now}, by earliest due instant: the union of every rule's due timers. */
    @SuppressWarnings("unchecked")
    List<UUID> dueContracts(Instant now, int limit) {
        // Contracts whose timers failed wait for their retry instant.
        return em.createNativeQuery("SELECT timers.contract_id FROM (\n" + dueSql + "\n) timers"
                        + " LEFT JOIN timer_failure f ON f.contract_id = timers.contract_id"
                        + " WHERE f.retry_at IS NULL OR f.retry_at <= ?1"
                        + " GROUP BY timers.contract_id ORDER BY min(timers.due), timers.contract_id LIMIT ?2")
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
