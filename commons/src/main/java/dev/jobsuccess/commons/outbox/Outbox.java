package dev.jobsuccess.commons.outbox;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

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
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialized", e);
        }
        em.createNativeQuery("""
                INSERT INTO outbox_message (event_id, topic, message_key, event_type, payload, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.topic())
                .setParameter(3, event.key())
                .setParameter(4, event.eventType())
                .setParameter(5, payload)
                .setParameter(6, Timestamp.from(clock.instant()))
                .executeUpdate();
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
