package dev.jobsuccess.score.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.jobsuccess.score.config.ScoreConfig;

/**
 * The daily snapshot (domain.md §d.3.7, §d.3.9): at 00:00 UTC of the service clock, every freelancer whose
 * windows may have moved is recomputed, so contracts age out without new events; badges are evaluated; on
 * Sundays the weekly score is recorded. Safe with several replicas: a date is claimed by inserting its
 * snapshot_run row, and only the replica whose insert won does it. Days missed while the service was down
 * are caught up, oldest first.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    /** Contracts that ended this long before a date can move nothing on it (W24 plus a margin). */
    private static final int CANDIDATE_MONTHS = 25;

    private final EntityManager em;
    private final Clock clock;
    private final Recomputer recomputer;
    private final ScoreModel model;
    private final ScoreConfig.Snapshot config;
    private final String replica = "score-service-" + UUID.randomUUID();

    SnapshotService(EntityManager em, Clock clock, Recomputer recomputer, ScoreModel model, ScoreConfig config) {
        this.em = em;
        this.clock = clock;
        this.recomputer = recomputer;
        this.model = model;
        this.config = config.snapshot();
    }

    @Scheduled(identity = "daily-snapshot", cron = "${jobsuccess.score.snapshot.cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDue();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.catchUpAtStart()) {
            Thread.ofVirtual().name("snapshot-catch-up").start(() -> {
                try {
                    runDue();
                } catch (RuntimeException e) {
                    LOG.warn("snapshot catch-up at start failed; the next scheduled run retries", e);
                }
            });
        }
    }

    /**
     * Takes every due snapshot this replica can claim: the days since the last completed one (at most
     * max-catch-up-days back) up to today, and any date whose claim went stale.
     *
     * @return the dates this call took
     */
    public List<LocalDate> runDue() {
        LocalDate today = FactLoader.utcDate(clock.instant());
        List<LocalDate> taken = new ArrayList<>();
        for (LocalDate date : dueDates(today)) {
            if (claim(date)) {
                int freelancers = snapshotDay(date);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "UPDATE snapshot_run SET completed_at = ?1, freelancers = ?2 WHERE snapshot_date = ?3")
                        .setParameter(1, Timestamp.from(clock.instant()))
                        .setParameter(2, freelancers)
                        .setParameter(3, Date.valueOf(date))
                        .executeUpdate());
                taken.add(date);
            }
        }
        return taken;
    }

    private List<LocalDate> dueDates(LocalDate today) {
        LocalDate last = QuarkusTransaction.requiringNew().call(() -> {
            Object max = em.createNativeQuery(
                            "SELECT max(snapshot_date) FROM snapshot_run WHERE completed_at IS NOT NULL AND snapshot_date <= ?1")
                    .setParameter(1, Date.valueOf(today)).getSingleResult();
            return max == null ? null : toLocalDate(max);
        });
        LocalDate from = last == null ? today : last.plusDays(1);
        LocalDate earliest = today.minusDays(config.maxCatchUpDays());
        if (from.isBefore(earliest)) {
            LOG.warnf("snapshots from %s to %s were missed; catching up from %s only (older days change nothing shown)",
                    from, earliest.minusDays(1), earliest);
            from = earliest;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** Inserts the date's claim, or takes over a stale incomplete one; true if this replica now owns the date. */
    private boolean claim(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int inserted = em.createNativeQuery("""
                            INSERT INTO snapshot_run (snapshot_date, claimed_at, claimed_by) VALUES (?1, ?2, ?3)
                            ON CONFLICT (snapshot_date) DO NOTHING""")
                    .setParameter(1, Date.valueOf(date))
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, replica)
                    .executeUpdate();
            if (inserted == 1) {
                return true;
            }
            return em.createNativeQuery("""
                            UPDATE snapshot_run SET claimed_at = ?1, claimed_by = ?2
                            WHERE snapshot_date = ?3 AND completed_at IS NULL AND claimed_at < ?4""")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, replica)
                    .setParameter(3, Date.valueOf(date))
                    .setParameter(4, Timestamp.from(now.minus(config.staleClaimAfter())))
                    .executeUpdate() == 1;
        });
    }

    /**
     * The snapshot of one date, without claiming it: every freelancer with a contract that ended in the last
     * 25 months or is still open is recomputed at {@code date}, badges evaluated, and on a Sunday the weekly score recorded.
     * Idempotent, so a date may be snapshotted again. Under BIWEEKLY_SUNDAY, a date off the schedule only
     * records the weekly score of a Sunday, from the published scores.
     *
     * @return how many freelancers it looked at
     */
    public int snapshotDay(LocalDate date) {
        List<String> candidates = candidates(date);
        if (!model.schedule().recomputesOn(date, model.config().biweeklyEpoch())) {
            if (ScoreModel.isSunday(date)) {
                recordPublishedWeek(date);
            }
            return 0;
        }
        ChangeCause cause = ChangeCause.snapshot(date);
        for (int from = 0; from < candidates.size(); from += config.chunkSize()) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + config.chunkSize()));
            QuarkusTransaction.requiringNew().run(() -> recomputer.recompute(chunk, date, Recomputer.Mode.SNAPSHOT, f -> cause));
        }
        LOG.infof("snapshot %s: %d freelancers", date, candidates.size());
        return candidates.size();
    }

    @SuppressWarnings("unchecked")
    private List<String> candidates(LocalDate date) {
        // Open contracts too: whether one is long-term eligible changes with the date alone (domain.md §d.3.6).
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT freelancer_id FROM contract_fact WHERE ended_at >= ?1
                        UNION SELECT freelancer_id FROM contract_start_fact s
                            WHERE NOT EXISTS (SELECT 1 FROM contract_fact c WHERE c.contract_id = s.contract_id)
                        UNION SELECT freelancer_id FROM contract_payment_fact p
                            WHERE NOT EXISTS (SELECT 1 FROM contract_fact c WHERE c.contract_id = p.contract_id)
                        ORDER BY freelancer_id""")
                .setParameter(1, Timestamp.from(date.minusMonths(CANDIDATE_MONTHS).atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant()))
                .getResultList());
    }

    private void recordPublishedWeek(LocalDate sunday) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO weekly_score (freelancer_id, week_date, jss, recorded_at)
                        SELECT freelancer_id, ?1, jss, ?2 FROM freelancer_score WHERE jss IS NOT NULL
                        ON CONFLICT (freelancer_id, week_date) DO NOTHING""")
                .setParameter(1, Date.valueOf(sunday))
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
