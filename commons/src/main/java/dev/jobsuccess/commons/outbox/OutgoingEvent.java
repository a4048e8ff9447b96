package dev.jobsuccess.commons.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * One event for the outbox: the Kafka topic, the record key (a freelancerId, so one freelancer's
 * events stay in order), and the payload object, which is serialized as the event's JSON.
 */
public record OutgoingEvent(String topic, String key, UUID eventId, String eventType, Object payload) {
    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }
}
