package dev.jobsuccess.score.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/**
 * The freelancer_score rows, the score_history they append to and the weekly scores, each read and written for many
 * freelancers in one statement. A score row is also the lock that serializes that freelancer's recomputes.
 */
@ApplicationScoped
public class ScoreRows {

    private static final String COLUMNS = """
            freelancer_id, jss, selected_window, band, window_w24, window_w12, window_w6, window_w3, window_trending,
            no_score_reason, as_of, computed_at, top_rated, top_rated_plus, eligible_weeks_last16, badges_as_of,
            stale_since, stale_event_id, stale_reason""";

    /** One change of a score, as score_history keeps it. */
    record HistoryEntry(ScoreRow current, ScoreSnapshot previous, ChangeCause cause, UUID scoreChangedEventId) {}

    private final EntityManager em;
    private final DataSource dataSource;
    private final PublishedScoreCache cache;

    ScoreRows(EntityManager em, DataSource dataSource, PublishedScoreCache cache) {
        this.em = em;
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** The freelancer's row as {@link #read} gives it, if this replica read it within the cache's TTL. */
    public Optional<ScoreRow> remembered(String freelancerId) {
        return cache.remembered(freelancerId);
    }

    /**
     * The freelancer's row, read on a connection of its own in autocommit: no transaction, no ORM session. Profiling
     * GET /freelancers/{id}/score showed a quarter of its CPU in opening and ending the transaction around this one
     * primary-key read (BEGIN, SELECT, COMMIT). Read through {@link PublishedScoreCache}.
     */
    public Optional<ScoreRow> read(String freelancerId) {
        return cache.read(freelancerId, () -> load(freelancerId));
    }

    private Optional<ScoreRow> load(String freelancerId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM freelancer_score WHERE freelancer_id = ?")) {
            select.setString(1, freelancerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the score of " + freelancerId, e);
        }
    }

    /** The rows of those freelancers that have one, read in this transaction without locking them: one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, ScoreRow> readAll(Collection<String> freelancerIds) {
        return work(connection -> {
            Map<String, ScoreRow> rows = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM freelancer_score WHERE freelancer_id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", freelancerIds.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ScoreRow r = read(row);
                        rows.put(r.freelancerId(), r);
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The freelancers' rows, locked until the transaction ends; created (without a score) where absent. Two first
     * recomputes of one freelancer meet on the primary key, and the second waits for the first instead of failing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, ScoreRow> lock(SortedSet<String> freelancerIds, Instant now) {
        // Every write of a score row follows its lock in the same transaction.
        cache.forgetAfterTransaction(freelancerIds);
        return work(connection -> {
            // One statement creates the missing rows and locks them all: a conflict takes the existing row's lock
            // through a no-op update, and RETURNING gives every row, new or not. Rows are locked in the given (sorted)
            // order, the same in every transaction, so two never wait for each other in a cycle.
            Map<String, ScoreRow> rows = new LinkedHashMap<>();
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO freelancer_score (freelancer_id, no_score_reason, as_of, computed_at)
                    SELECT id, 'NO_CONTRACTS', DATE '1970-01-01', ? FROM unnest(?::text[]) WITH ORDINALITY AS v (id, n)
                    ORDER BY n
                    ON CONFLICT (freelancer_id) DO UPDATE SET freelancer_id = EXCLUDED.freelancer_id
                    RETURNING\s""" + COLUMNS)) {
                upsert.setTimestamp(1, Timestamp.from(now));
                upsert.setArray(2, connection.createArrayOf("text", freelancerIds.toArray()));
                try (ResultSet row = upsert.executeQuery()) {
                    while (row.next()) {
                        ScoreRow r = read(row);
                        rows.put(r.freelancerId(), r);
                    }
                }
            }
            return rows;
        });
    }

    /** Writes the rows' new state, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    void updateAll(Collection<ScoreRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE freelancer_score s SET jss = v.jss::integer, selected_window = v.selected_window,
                        band = v.band, window_w24 = v.w24::integer, window_w12 = v.w12::integer, window_w6 = v.w6::integer,
                        window_w3 = v.w3::integer, window_trending = v.trending::integer, no_score_reason = v.reason,
                        as_of = v.as_of::date, computed_at = v.computed_at::timestamptz, top_rated = v.top_rated::boolean,
                        top_rated_plus = v.top_rated_plus::boolean, eligible_weeks_last16 = v.eligible::integer,
                        badges_as_of = v.badges_as_of::date, stale_since = v.stale_since::timestamptz,
                        stale_event_id = v.stale_event_id::uuid, stale_reason = v.stale_reason
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[])
                        AS v (id, jss, selected_window, band, w24, w12, w6, w3, trending, reason, as_of, computed_at,
                              top_rated, top_rated_plus, eligible, badges_as_of, stale_since, stale_event_id, stale_reason)
                    WHERE s.freelancer_id = v.id""")) {
                List<Function<ScoreRow, Object>> values = List.of(ScoreRow::freelancerId, ScoreRow::jss,
                        ScoreRow::selectedWindow, ScoreRow::band, r -> r.windows().get(Window.W24),
                        r -> r.windows().get(Window.W12), r -> r.windows().get(Window.W6), r -> r.windows().get(Window.W3),
                        r -> r.windows().get(Window.TRENDING), ScoreRow::noScoreReason, ScoreRow::asOf, ScoreRow::computedAt,
                        ScoreRow::topRated, ScoreRow::topRatedPlus, ScoreRow::eligibleWeeksLast16, ScoreRow::badgesAsOf,
                        ScoreRow::staleSince, ScoreRow::staleEventId, ScoreRow::staleReason);
                for (int i = 0; i < values.size(); i++) {
                    update.setArray(i + 1, textArray(connection, rows, values.get(i)));
                }
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Appends the changes to score_history, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    void appendHistory(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO score_history (freelancer_id, previous_jss, previous_selected_window, previous_band, jss,
                        selected_window, band, window_w24, window_w12, window_w6, window_w3, window_trending, as_of,
                        computed_at, cause_event_id, cause_event_type, score_changed_event_id, score_trigger,
                        cause_snapshot_date, previous_badges, badges, eligible_weeks_last16)
                    SELECT id, previous_jss::integer, previous_selected_window, previous_band, jss::integer, selected_window,
                        band, w24::integer, w12::integer, w6::integer, w3::integer, trending::integer, as_of::date,
                        computed_at::timestamptz, cause_event_id::uuid, cause_event_type, score_changed_event_id::uuid,
                        score_trigger, cause_snapshot_date::date, previous_badges, badges, eligible::integer
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                        AS v (id, previous_jss, previous_selected_window, previous_band, jss, selected_window, band, w24,
                              w12, w6, w3, trending, as_of, computed_at, cause_event_id, cause_event_type,
                              score_changed_event_id, score_trigger, cause_snapshot_date, previous_badges, badges, eligible, n)
                    ORDER BY n""")) {
                List<Function<HistoryEntry, Object>> values = List.of(e -> e.current().freelancerId(),
                        e -> e.previous().jss(), e -> e.previous().selectedWindow(), e -> e.previous().band(),
                        e -> e.current().jss(), e -> e.current().selectedWindow(), e -> e.current().band(),
                        e -> e.current().windows().get(Window.W24), e -> e.current().windows().get(Window.W12),
                        e -> e.current().windows().get(Window.W6), e -> e.current().windows().get(Window.W3),
                        e -> e.current().windows().get(Window.TRENDING), e -> e.current().asOf(),
                        e -> e.current().computedAt(), e -> e.cause().eventId(), e -> e.cause().eventType(),
                        HistoryEntry::scoreChangedEventId, e -> e.cause().trigger(), e -> e.cause().snapshotDate(),
                        e -> ScoreHistoryEntry.join(e.previous().badges()), e -> ScoreHistoryEntry.join(e.current().badges()),
                        e -> e.current().eligibleWeeksLast16());
                for (int i = 0; i < values.size(); i++) {
                    insert.setArray(i + 1, textArray(connection, entries, values.get(i)));
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Records each Sunday's displayed score; the first snapshot of a Sunday wins. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordWeekly(LocalDate sunday, Map<String, Integer> jssByFreelancer, Instant now) {
        if (jssByFreelancer.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO weekly_score (freelancer_id, week_date, jss, recorded_at)
                    SELECT id, ?, jss, ? FROM unnest(?::text[], ?::integer[]) AS v (id, jss)
                    ON CONFLICT (freelancer_id, week_date) DO NOTHING""")) {
                insert.setObject(1, sunday);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setArray(3, connection.createArrayOf("text", jssByFreelancer.keySet().toArray()));
                insert.setArray(4, connection.createArrayOf("int4", jssByFreelancer.values().toArray()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks the freelancer's published score stale: an event of theirs could not be applied. The score itself stays as
     * it was; a freelancer never scored gets a row without a score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markStale(String freelancerId, UUID eventId, String reason, Instant now) {
        cache.forgetAfterTransaction(List.of(freelancerId));
        work(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO freelancer_score (freelancer_id, no_score_reason, as_of, computed_at, stale_since,
                        stale_event_id, stale_reason)
                    VALUES (?, 'NO_CONTRACTS', DATE '1970-01-01', ?, ?, ?, ?)
                    ON CONFLICT (freelancer_id) DO UPDATE SET stale_since = COALESCE(freelancer_score.stale_since,
                        EXCLUDED.stale_since), stale_event_id = EXCLUDED.stale_event_id, stale_reason = EXCLUDED.stale_reason""")) {
                upsert.setString(1, freelancerId);
                upsert.setTimestamp(2, Timestamp.from(now));
                upsert.setTimestamp(3, Timestamp.from(now));
                upsert.setObject(4, eventId);
                upsert.setString(5, reason.length() > 500 ? reason.substring(0, 500) : reason);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static <T> java.sql.Array textArray(Connection connection, Collection<T> rows, Function<T, Object> value)
            throws SQLException {
        Object[] out = new Object[rows.size()];
        int i = 0;
        for (T row : rows) {
            Object v = value.apply(row);
            out[i++] = v == null ? null : v.toString();
        }
        return connection.createArrayOf("text", out);
    }

    private static ScoreRow read(ResultSet row) throws SQLException {
        Map<Window, Integer> windows = new EnumMap<>(Window.class);
        windows.put(Window.W24, (Integer) row.getObject(5));
        windows.put(Window.W12, (Integer) row.getObject(6));
        windows.put(Window.W6, (Integer) row.getObject(7));
        windows.put(Window.W3, (Integer) row.getObject(8));
        windows.put(Window.TRENDING, (Integer) row.getObject(9));
        return new ScoreRow(row.getString(1), (Integer) row.getObject(2), enumOrNull(Window.class, row.getString(3)),
                enumOrNull(Band.class, row.getString(4)), windows, enumOrNull(NoScoreReason.class, row.getString(10)),
                row.getObject(11, LocalDate.class), instant(row, 12), row.getBoolean(13), row.getBoolean(14),
                (Integer) row.getObject(15), row.getObject(16, LocalDate.class), instant(row, 17),
                row.getObject(18, UUID.class), row.getString(19));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
