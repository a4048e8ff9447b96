package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client's latest flag evaluation (by evaluatedAt); the events come keyed by freelancer, so in any order. */
@Entity
@Table(name = "client_flag_fact")
public class ClientFlagFact extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(nullable = false)
    public boolean flagged;
    @Column(nullable = false)
    public String reason;
    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ClientFlagFact() {
    }

    /**
     * Keeps the latest evaluation.
     *
     * @return whether the client's flagged state changed (a newer evaluation with the same value changes no score)
     */
    static boolean record(ClientFlag flag, UUID eventId, Instant now) {
        ClientFlagFact fact = findById(flag.clientId());
        if (fact == null) {
            fact = new ClientFlagFact();
            fact.clientId = flag.clientId();
            fact.apply(flag, eventId, now);
            fact.persist();
            return flag.flagged();
        }
        if (!Newer.than(flag.evaluatedAt(), eventId, fact.evaluatedAt, fact.sourceEventId)) {
            return false;
        }
        boolean changed = fact.flagged != flag.flagged();
        fact.apply(flag, eventId, now);
        return changed;
    }

    static List<ClientFlagFact> ofClients(Collection<String> clientIds) {
        return list("clientId IN ?1", clientIds);
    }

    private void apply(ClientFlag flag, UUID eventId, Instant now) {
        flagged = flag.flagged();
        reason = flag.reason();
        evaluatedAt = flag.evaluatedAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
