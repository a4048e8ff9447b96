package dev.jobsuccess.commons.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private final AdjustableClock clock = new AdjustableClock();

    @Test
    void isUtcSystemTimeUntilMoved() {
        Instant before = Instant.now();
        Instant now = clock.instant();
        assertTrue(!now.isBefore(before) && !now.isAfter(Instant.now()));
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertFalse(clock.isPinned());
    }

    @Test
    void pinnedTimeStandsStillAndAdvancesOnlyWhenAsked() {
        Instant t = Instant.parse("2025-05-10T14:00:00Z");
        clock.pin(t);
        assertEquals(t, clock.instant());
        clock.advance(Duration.ofDays(14));
        assertEquals(Instant.parse("2025-05-24T14:00:00Z"), clock.instant());
        assertTrue(clock.isPinned());
    }

    @Test
    void runningFromAnInstantKeepsTicking() throws InterruptedException {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        clock.setRunningFrom(t);
        Thread.sleep(5);
        Instant later = clock.instant();
        assertTrue(later.isAfter(t) && later.isBefore(t.plusSeconds(60)), later.toString());
        clock.reset();
        assertTrue(clock.instant().isBefore(t));
    }

    @Test
    void aZonedViewFollowsTheMoves() {
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.pin(Instant.parse("2025-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}
