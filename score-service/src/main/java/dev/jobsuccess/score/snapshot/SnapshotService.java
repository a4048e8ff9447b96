package dev.jobsuccess.score.snapshot;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.scoring.ChangeCause;
import dev.jobsuccess.score.scoring.Recomputer;
import dev.jobsuccess.score.scoring.ScoreModel;

/**
 * The daily snapshot (domain.md §d.3.7, §d.3.9): at 00:00 UTC of the service clock, every freelancer whose windows may
 * have moved is recomputed, so contracts age out without new events; badges are evaluated; on Sundays the weekly score
 * is recorded. Days missed while the service was down are caught up, oldest first.
 *
 * <p>Shared by the replicas: the first to plan a date splits its freelancers into chunks (snapshot_chunk); every
 * replica then takes chunks one at a time by locking the chunk's row (SKIP LOCKED), recomputes it and marks it complete
 * in the same transaction. A replica that dies mid-chunk rolls back and releases its lock with its connection, and
 * another replica takes the chunk. The replica that completes the last chunk marks the date complete.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);
    /** Contracts that ended this long before a date can move nothing on it (W24 plus a margin). */
    private static final int CANDIDATE_MONTHS = 25;
    /** The freelancers a snapshot recomputes: a contract that ended recently, or one still open. */
    private static final String CANDIDATES = """
            SELECT freelancer_id FROM contract_fact WHERE ended_at >= ?1
            UNION SELECT freelancer_id FROM contract_start_fact s
                WHERE NOT EXISTS (SELECT 1 FROM contract_fact c WHERE c.contract_id = s.contract_id)
            UNION SELECT freelancer_id FROM contract_payment_fact p
                WHERE NOT EXISTS (SELECT 1 FROM contract_fact c WHERE c.contract_id = p.contract_id)""";

    private final EntityManager em;
    private final Clock clock;
    private final Recomputer recomputer;
    private final ScoreModel model;
    private final ScoreConfig.Snapshot config;
    private final int daysBackOnRequest;
    private final String replica = "score-service-" + UUID.randomUUID();

    SnapshotService(EntityManager em, Clock clock, Recomputer recomputer, ScoreModel model, ScoreConfig config) {
        this.em = em;
        this.clock = clock;
        this.recomputer = recomputer;
        this.model = model;
        this.config = config.snapshot();
        this.daysBackOnRequest = config.limits().snapshotDaysBack();
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
     * Works on every due snapshot date: the days since the last completed one (at most max-catch-up-days back) up to
     * today. Plans each date if no replica has, takes its chunks until none is left, and completes it if its last
     * chunk is done.
     *
     * @return the dates this call completed
     */
    public List<LocalDate> runDue() {
        return runDue(replica);
    }

    /**
     * {@link #runDue()} as the named worker, the name recorded on the chunks it completes (each replica has its own;
     * tests play two replicas with two names).
     */
    public List<LocalDate> runDue(String worker) {
        LocalDate today = FactLoader.utcDate(clock.instant());
        List<LocalDate> completed = new ArrayList<>();
        for (LocalDate date : dueDates(today)) {
            plan(date, worker);
            while (takeChunk(date, worker)) {
                // one chunk per transaction, until every chunk is taken
            }
            if (complete(date)) {
                completed.add(date);
            }
        }
        return completed;
    }

    /**
     * The snapshot of one date, at once and by this replica alone, whether or not the date was taken before (PLATFORM's
     * "run it again"). Idempotent. Under BIWEEKLY_SUNDAY, a date off the schedule only records the weekly score of a
     * Sunday, from the published scores.
     *
     * @return how many freelancers it looked at
     */
    public int snapshotDay(LocalDate date) {
        if (!recomputesOn(date)) {
            recordPublishedWeekIfSunday(date);
            return 0;
        }
        List<String> candidates = QuarkusTransaction.requiringNew().call(() -> candidates(date, null, null));
        for (int from = 0; from < candidates.size(); from += config.chunkSize()) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + config.chunkSize()));
            QuarkusTransaction.requiringNew().run(() -> recompute(chunk, date));
        }
        LOG.infof("snapshot %s: %d freelancers", date, candidates.size());
        return candidates.size();
    }

    /**
     * {@link #snapshotDay} for PLATFORM's request: only a date that has come (a later one would publish scores from the
     * future), and not older than snapshot-days-back (an old date recomputes nearly every freelancer, and nothing it
     * stores is shown any more).
     *
     * @throws ProblemException 400 naming {@code date} outside that range
     */
    public int snapshotDayRequested(LocalDate date) {
        LocalDate today = FactLoader.utcDate(clock.instant());
        if (date.isAfter(today)) {
            throw ProblemException.badRequest("date", "must not be after today (" + today + ")");
        }
        LocalDate earliest = today.minusDays(daysBackOnRequest);
        if (date.isBefore(earliest)) {
            throw ProblemException.badRequest("date", "must not be before " + earliest + " (" + daysBackOnRequest
                    + " days before today)");
        }
        return snapshotDay(date);
    }

    private boolean recomputesOn(LocalDate date) {
        return model.schedule().recomputesOn(date, model.config().biweeklyEpoch());
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

    /**
     * Plans the date unless a replica did: its snapshot_run row and its chunks, in one transaction, so a date is either
     * unplanned or planned whole. Two replicas planning at once meet on the primary key; the second finds it planned.
     */
    private void plan(LocalDate date, String worker) {
        QuarkusTransaction.requiringNew().run(() -> {
            int inserted = em.createNativeQuery("""
                            INSERT INTO snapshot_run (snapshot_date, claimed_at, claimed_by) VALUES (?1, ?2, ?3)
                            ON CONFLICT (snapshot_date) DO NOTHING""")
                    .setParameter(1, Date.valueOf(date))
                    .setParameter(2, Timestamp.from(clock.instant()))
                    .setParameter(3, worker)
                    .executeUpdate();
            if (inserted == 0) {
                return;
            }
            if (!recomputesOn(date)) {
                recordPublishedWeekIfSunday(date);
                return;
            }
            // Chunk boundaries every chunk-size freelancers, in the database's order of ids.
            @SuppressWarnings("unchecked")
            List<String> boundaries = em.createNativeQuery("SELECT freelancer_id FROM (SELECT freelancer_id, row_number() OVER "
                            + "(ORDER BY freelancer_id) AS n FROM (" + CANDIDATES + ") c) b WHERE (n - 1) % ?2 = 0 AND n > 1 "
                            + "ORDER BY freelancer_id")
                    .setParameter(1, cutoff(date))
                    .setParameter(2, config.chunkSize())
                    .getResultList();
            String from = null;
            for (int chunk = 0; chunk <= boundaries.size(); chunk++) {
                String to = chunk < boundaries.size() ? boundaries.get(chunk) : null;
                em.createNativeQuery("""
                                INSERT INTO snapshot_chunk (snapshot_date, chunk_no, from_freelancer, to_freelancer)
                                VALUES (?1, ?2, ?3, ?4)""")
                        .setParameter(1, Date.valueOf(date))
                        .setParameter(2, chunk)
                        .setParameter(3, from)
                        .setParameter(4, to)
                        .executeUpdate();
                from = to;
            }
        });
    }

    /** Takes one open chunk of the date, if any is left untaken, and does it; false when none is. */
    private boolean takeChunk(LocalDate date, String worker) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("""
                            SELECT chunk_no, from_freelancer, to_freelancer FROM snapshot_chunk
                            WHERE snapshot_date = ?1 AND completed_at IS NULL
                            ORDER BY chunk_no LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, Date.valueOf(date)).getResultList();
            if (open.isEmpty()) {
                return false;
            }
            int chunkNo = ((Number) open.getFirst()[0]).intValue();
            List<String> freelancers = candidates(date, (String) open.getFirst()[1], (String) open.getFirst()[2]);
            recompute(freelancers, date);
            em.createNativeQuery("""
                            UPDATE snapshot_chunk SET completed_at = ?1, completed_by = ?2, freelancers = ?3
                            WHERE snapshot_date = ?4 AND chunk_no = ?5""")
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, worker)
                    .setParameter(3, freelancers.size())
                    .setParameter(4, Date.valueOf(date))
                    .setParameter(5, chunkNo)
                    .executeUpdate();
            return true;
        });
    }

    /**
     * Marks the date complete once every chunk is; true for the one caller that did. Concurrent callers serialize on
     * the run's row, and the later one finds it complete.
     */
    private boolean complete(LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int updated = em.createNativeQuery("""
                            UPDATE snapshot_run SET completed_at = ?1,
                                freelancers = (SELECT coalesce(sum(freelancers), 0) FROM snapshot_chunk WHERE snapshot_date = ?2)
                            WHERE snapshot_date = ?2 AND completed_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM snapshot_chunk WHERE snapshot_date = ?2 AND completed_at IS NULL)""")
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, Date.valueOf(date))
                    .executeUpdate();
            if (updated == 1) {
                LOG.infof("snapshot %s complete", date);
            }
            return updated == 1;
        });
    }

    /** One chunk of the date's snapshot, in the caller's transaction; a freelancer who cannot be scored is left out. */
    private void recompute(List<String> freelancers, LocalDate date) {
        ChangeCause cause = ChangeCause.snapshot(date);
        recomputer.recomputeSkippingFailures(freelancers, date, Recomputer.Mode.SNAPSHOT, f -> cause);
    }

    /** The date's candidates from {@code from} (inclusive) to {@code to} (exclusive), each null for no bound. */
    @SuppressWarnings("unchecked")
    private List<String> candidates(LocalDate date, String from, String to) {
        return em.createNativeQuery("SELECT freelancer_id FROM (" + CANDIDATES + ") c "
                        + "WHERE (CAST(?2 AS text) IS NULL OR freelancer_id >= ?2) AND (CAST(?3 AS text) IS NULL OR freelancer_id < ?3) "
                        + "ORDER BY freelancer_id")
                .setParameter(1, cutoff(date))
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
    }

    private static Timestamp cutoff(LocalDate date) {
        // Open contracts too: whether one is long-term eligible changes with the date alone (domain.md §d.3.6).
        return Timestamp.from(date.minusMonths(CANDIDATE_MONTHS).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private void recordPublishedWeekIfSunday(LocalDate date) {
        if (!ScoreModel.isSunday(date)) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("""
                        INSERT INTO weekly_score (freelancer_id, week_date, jss, recorded_at)
                        SELECT freelancer_id, ?1, jss, ?2 FROM freelancer_score WHERE jss IS NOT NULL
                        ON CONFLICT (freelancer_id, week_date) DO NOTHING""")
                .setParameter(1, Date.valueOf(date))
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
