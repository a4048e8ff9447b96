package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.UUID;

/**
 * "The latest report wins", made independent of arrival order: the report that occurred later wins, and
 * of two that occurred at the same instant, the one with the greater event id. A redelivery of the stored
 * report is never newer than itself. Event ids compare as PostgreSQL compares uuid values (unsigned, byte by
 * byte), so the set-based upserts and this method agree.
 */
final class Newer {

    private Newer() {
    }

    static boolean than(Instant occurredAt, UUID eventId, Instant storedOccurredAt, UUID storedEventId) {
        int byTime = occurredAt.compareTo(storedOccurredAt);
        return byTime > 0 || byTime == 0 && compare(eventId, storedEventId) > 0;
    }

    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
