package dev.jobsuccess.score.scoring;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.jobsuccess.score.facts.EventCause;

/**
 * Why a score was recomputed, as score-changed names it: the consumed event (or request) for EVENT, the
 * snapshot date for SCHEDULED_DAILY and REBUILD.
 */
public record ChangeCause(Trigger trigger, UUID eventId, String eventType, LocalDate snapshotDate) {

    public ChangeCause {
        Objects.requireNonNull(trigger, "trigger");
    }

    public static ChangeCause event(EventCause cause) {
        return new ChangeCause(Trigger.EVENT, cause.eventId(), cause.eventType(), null);
    }

    public static ChangeCause snapshot(LocalDate date) {
        return new ChangeCause(Trigger.SCHEDULED_DAILY, null, null, date);
    }

    public static ChangeCause rebuild(LocalDate date) {
        return new ChangeCause(Trigger.REBUILD, null, null, date);
    }
}
