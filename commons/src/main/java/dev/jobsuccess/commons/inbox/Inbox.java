package dev.jobsuccess.commons.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied. Called inside the consumer's transaction, so the
 * event's effects and its inbox row commit together: a redelivery after a crash either finds the
 * row (and is skipped) or finds neither (and is applied once).
 */
@ApplicationScoped
public class Inbox {

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
}
