package dev.jobsuccess.commons.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * One demo clock for all replicas of a service: a move through {@link ClockResource} is written to the service's
 * {@code clock_setting} row (one row, created by each service's Flyway migration) and every replica applies the row to
 * its {@link AdjustableClock} when it changes. Reads stay in memory: each replica looks at the row once a second (and
 * at start) and applies it only when its version moved, so {@link AdjustableClock#instant()} never touches the database, and a
 * test that moves its own process's clock directly is not undone. Without {@code jobsuccess.clock.adjustable} (production)
 * nothing is read or written: the clock is the system clock.
 *
 * <p>The row holds an offset from system time (replicas' system clocks agree, through NTP) or a pinned instant. An
 * advance is computed from the row under its lock, so two replicas advancing at once both count.
 */
@ApplicationScoped
public class ClockSettingStore {

    private static final Logger LOG = Logger.getLogger(ClockSettingStore.class);

    private final AdjustableClock clock;
    private final ClockConfig config;
    private final DataSource database;
    /** The version of the row this replica applied last (0: none). */
    private volatile long appliedVersion;

    ClockSettingStore(AdjustableClock clock, ClockConfig config, DataSource database) {
        this.clock = clock;
        this.config = config;
        this.database = database;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /** Applies the stored setting when another replica (or this one) changed it since; a no-op in production. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!config.adjustable()) {
            return;
        }
        try (Connection c = database.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT offset_micros, pinned_at, version FROM clock_setting");
             ResultSet row = read.executeQuery()) {
            if (row.next() && row.getLong(3) != appliedVersion) {
                apply(row.getLong(1), row.getTimestamp(2), row.getLong(3));
            }
        } catch (SQLException e) {
            LOG.debugf("clock setting not read (%s); the clock keeps its last setting", e.getMessage());
        }
    }

    /** Sets the clock of every replica: pinned at {@code now}, or running from it. */
    public void set(Instant now, boolean pinned) {
        write(pinned ? Duration.ZERO : Duration.between(Instant.now(), now), pinned ? now : null);
    }

    /** Moves the clock of every replica forward. */
    public void advance(Duration by) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            Duration offset = clock.offset();
            Instant pinned = clock.pinnedAt();
            try (PreparedStatement lock = c.prepareStatement("SELECT offset_micros, pinned_at FROM clock_setting FOR UPDATE");
                 ResultSet row = lock.executeQuery()) {
                if (row.next()) {
                    offset = Duration.of(row.getLong(1), ChronoUnit.MICROS);
                    pinned = row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant();
                }
            }
            upsert(c, pinned != null ? Duration.ZERO : offset.plus(by), pinned != null ? pinned.plus(by) : null);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the clock setting", e);
        }
    }

    private void write(Duration offset, Instant pinned) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(true);
            upsert(c, offset, pinned);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the clock setting", e);
        }
    }

    private void upsert(Connection c, Duration offset, Instant pinned) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO clock_setting (id, offset_micros, pinned_at, version) VALUES (true, ?, ?, 1)
                ON CONFLICT (id) DO UPDATE SET offset_micros = EXCLUDED.offset_micros, pinned_at = EXCLUDED.pinned_at,
                                               version = clock_setting.version + 1
                RETURNING offset_micros, pinned_at, version""")) {
            upsert.setLong(1, offset.toNanos() / 1000);
            upsert.setTimestamp(2, pinned == null ? null : Timestamp.from(pinned));
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                apply(row.getLong(1), row.getTimestamp(2), row.getLong(3));
            }
        }
    }

    private synchronized void apply(long offsetMicros, Timestamp pinned, long version) {
        clock.apply(Duration.of(offsetMicros, ChronoUnit.MICROS), pinned == null ? null : pinned.toInstant());
        appliedVersion = version;
    }
}
