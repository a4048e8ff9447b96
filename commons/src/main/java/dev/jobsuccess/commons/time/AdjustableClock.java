package dev.jobsuccess.commons.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The one clock every service reads: UTC system time, shifted or pinned on request.
 * Injected as {@link Clock}; tests and demos move time through it (see {@link ClockResource}),
 * so timers such as feedback windows can be exercised without waiting days.
 */
@Singleton
public class AdjustableClock extends Clock {

    /** Either an offset from system time, or a pinned instant (offset ignored). */
    private record Setting(Duration offset, Instant pinned) {
        static final Setting SYSTEM = new Setting(Duration.ZERO, null);
    }

    private final AtomicReference<Setting> setting = new AtomicReference<>(Setting.SYSTEM);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's moves. */
    @Override
    public Clock withZone(ZoneId zone) {
        AdjustableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Setting s = setting.get();
        return s.pinned() != null ? s.pinned() : Instant.now().plus(s.offset());
    }

    /** Let time run from the given instant on. */
    public void setRunningFrom(Instant now) {
        setting.set(new Setting(Duration.between(Instant.now(), now), null));
    }

    /** Stop time at the given instant. */
    public void pin(Instant now) {
        setting.set(new Setting(Duration.ZERO, now));
    }

    public void advance(Duration by) {
        setting.updateAndGet(s -> s.pinned() != null
                ? new Setting(Duration.ZERO, s.pinned().plus(by))
                : new Setting(s.offset().plus(by), null));
    }

    public void reset() {
        setting.set(Setting.SYSTEM);
    }

    /** Takes a setting as stored (ClockSettingStore): an offset from system time, or a pinned instant (not null). */
    public void apply(Duration offset, Instant pinned) {
        setting.set(pinned != null ? new Setting(Duration.ZERO, pinned) : new Setting(offset, null));
    }

    /** The offset from system time (zero while pinned). */
    public Duration offset() {
        return setting.get().offset();
    }

    /** The pinned instant, or null while time runs. */
    public Instant pinnedAt() {
        return setting.get().pinned();
    }

    public boolean isPinned() {
        return setting.get().pinned() != null;
    }
}
