package dev.jobsuccess.commons.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads and validates one consumed record. */
@FunctionalInterface
public interface EventReader<T> {

    /**
     * @return the event, or null for a valid event the service has no use for
     * @throws InvalidEventException when the record is not a valid event of its topic
     */
    InboundEvent<T> read(ConsumerRecord<String, String> record);
}
