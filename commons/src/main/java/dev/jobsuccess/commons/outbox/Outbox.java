package dev.jobsuccess.commons.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes events in the caller's transaction, so an event exists if and only if the state change
 * that caused it was committed. {@link OutboxRelay} sends them.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(OutgoingEvent event) {
        publishAll(List.of(event));
    }

    /** Writes the events in one statement, in their order (the relay sends them in that order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            try {
                payloads.add(json.writeValueAsString(event.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialized", e);
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            // WITH ORDINALITY keeps the given order in the sequence the relay sends by.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, traceparent, created_at)
                    SELECT id, topic, msg_key, type, payload, traceparent, ?
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                        AS e (id, topic, msg_key, type, payload, traceparent, n)
                    ORDER BY n""")) {
                insert.setTimestamp(1, Timestamp.from(clock.instant()));
                insert.setArray(2, connection.createArrayOf("uuid", events.stream().map(OutgoingEvent::eventId).toArray()));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(OutgoingEvent::topic).toArray()));
                insert.setArray(4, connection.createArrayOf("text", events.stream().map(OutgoingEvent::key).toArray()));
                insert.setArray(5, connection.createArrayOf("text", events.stream().map(OutgoingEvent::eventType).toArray()));
                insert.setArray(6, connection.createArrayOf("text", payloads.toArray()));
                insert.setArray(7, connection.createArrayOf("text", events.stream().map(OutgoingEvent::traceparent).toArray()));
                insert.executeUpdate();
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
