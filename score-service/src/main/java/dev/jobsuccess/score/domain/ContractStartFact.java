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

/** A contract's start, as its contract-started event reported it: what makes an open contract known to the score. */
@Entity
@Table(name = "contract_start_fact")
public class ContractStartFact extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "contract_type", nullable = false)
    public String contractType;
    public String category;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ContractStartFact() {
    }

    /** A contract starts once; of two publications, the one that occurred last is kept. Returns whether the facts changed. */
    static boolean record(StartedContract started, UUID eventId, Instant now) {
        ContractStartFact fact = findById(started.contractId());
        if (fact == null) {
            fact = new ContractStartFact();
            fact.contractId = started.contractId();
            fact.apply(started, eventId, now);
            fact.persist();
            return true;
        }
        if (Newer.than(started.occurredAt(), eventId, fact.occurredAt, fact.sourceEventId)) {
            fact.apply(started, eventId, now);
            return true;
        }
        return false;
    }

    static List<ContractStartFact> ofFreelancers(Collection<String> freelancerIds) {
        return list("freelancerId IN ?1", freelancerIds);
    }

    private void apply(StartedContract started, UUID eventId, Instant now) {
        freelancerId = started.freelancerId();
        clientId = started.clientId();
        contractType = started.contractType();
        category = started.category();
        startedAt = started.startedAt();
        occurredAt = started.occurredAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
