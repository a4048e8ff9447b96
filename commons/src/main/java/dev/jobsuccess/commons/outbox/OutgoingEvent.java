package dev.jobsuccess.commons.outbox;

import java.util.Objects;
import java.util.UUID;

import dev.jobsuccess.commons.tracing.TraceHeaders;

/**
 * One event for the outbox: the Kafka topic, the record key (a freelancerId, so one freelancer's
 * events stay in order), the payload object, which is serialized as the event's JSON, and the W3C traceparent of
 * the work that caused it (null outside a trace), which the relay sends as a header.
 */
public record OutgoingEvent(String topic, String key, UUID eventId, String eventType, Object payload, String traceparent) {
    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }

    /** An event caused by the work in progress: it continues the current trace. */
    public OutgoingEvent(String topic, String key, UUID eventId, String eventType, Object payload) {
        this(topic, key, eventId, eventType, payload, TraceHeaders.current());
    }
}
