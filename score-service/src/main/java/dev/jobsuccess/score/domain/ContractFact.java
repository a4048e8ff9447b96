package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;

/** A contract of a freelancer, as its contract-closed event reported it. One of the facts a score is computed from. */
@Entity
@Table(name = "contract_fact")
public class ContractFact extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    @ElementCollection
    @CollectionTable(name = "contract_fact_payment", joinColumns = @JoinColumn(name = "contract_id"))
    @Column(name = "paid_at", nullable = false)
    public List<Instant> paymentInstants = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason_code")
    public EndReason endReasonCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public EndedBy endedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_outcome", nullable = false)
    public DisputeOutcome disputeOutcome;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ContractFact() {
    }

    /**
     * Stores the closed contract. A contract closes once, but its event may be published again; the
     * publication that occurred last is kept, so replays and reordering end in the same facts.
     *
     * @return whether the stored facts changed
     */
    static boolean recordClosed(ClosedContract closed, UUID eventId, Instant now) {
        ContractFact fact = findById(closed.contractId());
        if (fact == null) {
            fact = new ContractFact();
            fact.contractId = closed.contractId();
            fact.apply(closed, eventId, now);
            fact.persist();
            return true;
        }
        if (Newer.than(closed.occurredAt(), eventId, fact.occurredAt, fact.sourceEventId)) {
            fact.apply(closed, eventId, now);
            return true;
        }
        return false;
    }

    /** The contracts of these freelancers, payments loaded. */
    static List<ContractFact> ofFreelancers(Collection<String> freelancerIds) {
        return find("SELECT DISTINCT c FROM ContractFact c LEFT JOIN FETCH c.paymentInstants WHERE c.freelancerId IN ?1",
                freelancerIds).list();
    }

    private void apply(ClosedContract closed, UUID eventId, Instant now) {
        freelancerId = closed.freelancerId();
        clientId = closed.clientId();
        status = ContractStatus.ENDED;
        startedAt = closed.startedAt();
        endedAt = closed.endedAt();
        netEarningsCents = closed.netEarningsCents();
        paymentInstants.clear();
        paymentInstants.addAll(closed.paymentInstants());
        endReasonCode = closed.endReasonCode();
        endedBy = closed.endedBy();
        disputeOutcome = closed.disputeOutcome();
        occurredAt = closed.occurredAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
