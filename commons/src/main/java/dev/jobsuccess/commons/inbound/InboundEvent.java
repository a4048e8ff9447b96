package dev.jobsuccess.commons.inbound;

import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record read into a valid event of the service: the record it came from, its id and type, and its content. */
public record InboundEvent<T>(ConsumerRecord<String, String> record, UUID eventId, String eventType, T payload) {

    public InboundEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }

    /** The record key (services key their events by the entity whose order matters); empty when there is none. */
    public String key() {
        return record.key() == null ? "" : record.key();
    }
}
