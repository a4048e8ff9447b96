package dev.jobsuccess.commons.inbox;

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

    /**
     * Records the events as applied by this consumer, in one statement, and returns those it had not applied before: the
     * caller applies exactly these, in the same transaction. A concurrent transaction recording the same event (two
     * replicas during a rebalance) makes this one wait for it, and then find the event taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claim(String consumer, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_message (consumer, event_id, event_type, processed_at)
                    SELECT ?, id, type, ? FROM unnest(?::uuid[], ?::text[]) AS e (id, type)
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setTimestamp(2, Timestamp.from(clock.instant()));
                insert.setArray(3, connection.createArrayOf("uuid", entries.stream().map(Entry::eventId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", entries.stream().map(Entry::eventType).toArray()));
                Set<UUID> claimed = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
                return claimed;
            }
        });
    }

    /** Takes back claims of events that were refused, not applied: a replay from the dead-letter topic may apply them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM inbox_message WHERE consumer = ? AND event_id = ANY (?)")) {
                delete.setString(1, consumer);
                delete.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                delete.executeUpdate();
            }
        });
    }
}
