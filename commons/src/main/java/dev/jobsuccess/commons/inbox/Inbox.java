package dev.jobsuccess.commons.inbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Remembers which events a consumer has applied. Called inside the consumer's transaction, so the
 * event's effects and its inbox row commit together: a redelivery after a crash either finds the
 * row (and is skipped) or finds neither (and is applied once).
 */
@ApplicationScoped
public class Inbox {

    /** An applied event. */
    public record Entry(UUID eventId, String eventType) {}

    private final EntityManager em;
    private final Clock clock;

    Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True the first time this consumer sees the event; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        return em.createNativeQuery("""
                        INSERT INTO inbox_message (consumer, event_id, event_type, processed_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }

    /** Which of these events the consumer has already applied: one query, whatever their number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> seen(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event_id FROM inbox_message WHERE consumer = ? AND event_id = ANY (?)")) {
                Array ids = connection.createArrayOf("uuid", eventIds.toArray());
                select.setString(1, consumer);
                select.setArray(2, ids);
                Set<UUID> seen = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seen.add(rows.getObject(1, UUID.class));
                    }
                }
                return seen;
            }
        });
    }

    /**
     * Marks the events applied, in one statement. Fails when another consumer marked one of them meanwhile (two
     * replicas during a rebalance): the transaction then rolls back, and its retry skips what the other applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markAll(String consumer, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int inserted = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_message (consumer, event_id, event_type, processed_at)
                    SELECT ?, id, type, ? FROM unnest(?::uuid[], ?::text[]) AS e (id, type)
                    ON CONFLICT DO NOTHING""")) {
                insert.setString(1, consumer);
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                insert.setArray(3, connection.createArrayOf("uuid", entries.stream().map(Entry::eventId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", entries.stream().map(Entry::eventType).toArray()));
                return insert.executeUpdate();
            }
        });
        if (inserted != entries.size()) {
            throw new ConcurrentDeliveryException(consumer + ": " + (entries.size() - inserted)
                    + " event(s) were applied by another consumer meanwhile");
        }
    }

    /** Another consumer of the same group applied some of the same events at the same time; retrying resolves it. */
    public static class ConcurrentDeliveryException extends RuntimeException {
        public ConcurrentDeliveryException(String message) {
            super(message);
        }
    }
}
