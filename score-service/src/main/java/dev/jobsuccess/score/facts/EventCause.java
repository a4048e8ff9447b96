package dev.jobsuccess.score.facts;

import java.util.Objects;
import java.util.UUID;

/** The consumed event a change comes from: its id makes consumption idempotent and is named in score-changed. */
public record EventCause(UUID eventId, String eventType) {
    public EventCause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
    }
}
