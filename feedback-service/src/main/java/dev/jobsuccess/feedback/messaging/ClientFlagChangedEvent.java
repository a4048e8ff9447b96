package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.feedback.flag.ClientFlag;
import dev.jobsuccess.feedback.flag.FlagReason;

/** The client-flag-changed event (docs/events/client-flag-changed.schema.json): counts only, never who wrote what. */
public record ClientFlagChangedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                     String freelancerId, String clientId, boolean flagged, FlagReason reason,
                                     Instant evaluatedAt, int distinctFreelancers, int negativeFreelancers) {

    public static final String TOPIC = "client-flag-changed";
    public static final String TYPE = "client.flag-changed";
    public static final int SCHEMA_VERSION = 1;

    static ClientFlagChangedEvent of(ClientFlag flag, String freelancerId) {
        return new ClientFlagChangedEvent(UUID.randomUUID(), TYPE, SCHEMA_VERSION, flag.evaluatedAt, freelancerId,
                flag.clientId, flag.flagged, flag.reason, flag.evaluatedAt, flag.distinctFreelancers, flag.negativeFreelancers);
    }
}
