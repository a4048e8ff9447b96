package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * "The latest report wins", made independent of arrival order: the report that occurred later wins, and
 * of two that occurred at the same instant, the one with the greater event id. A redelivery of the stored
 * report is never newer than itself.
 */
final class Newer {

    private Newer() {
    }

    static boolean than(Instant occurredAt, UUID eventId, Instant storedOccurredAt, UUID storedEventId) {
        int byTime = occurredAt.compareTo(storedOccurredAt);
        return byTime > 0 || byTime == 0 && eventId.compareTo(storedEventId) > 0;
    }
}
