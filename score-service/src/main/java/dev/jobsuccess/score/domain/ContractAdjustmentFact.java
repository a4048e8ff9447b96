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

import dev.jobsuccess.jss.DisputeOutcome;

/**
 * The latest contract-earnings-adjusted of a contract (by occurredAt). Stored apart from the close, so an
 * adjustment may arrive before its contract's close; whichever of the two occurred later gives the money.
 */
@Entity
@Table(name = "contract_adjustment_fact")
public class ContractAdjustmentFact extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    @ElementCollection
    @CollectionTable(name = "contract_adjustment_payment", joinColumns = @JoinColumn(name = "contract_id"))
    @Column(name = "paid_at", nullable = false)
    public List<Instant> paymentInstants = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_outcome", nullable = false)
    public DisputeOutcome disputeOutcome;
    @Column(name = "adjustment_cause", nullable = false)
    public String adjustmentCause;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ContractAdjustmentFact() {
    }

    /** Keeps the adjustment that occurred last; returns whether the stored facts changed. */
    static boolean record(EarningsAdjustment adjustment, UUID eventId, Instant now) {
        ContractAdjustmentFact fact = findById(adjustment.contractId());
        if (fact == null) {
            fact = new ContractAdjustmentFact();
            fact.contractId = adjustment.contractId();
            fact.apply(adjustment, eventId, now);
            fact.persist();
            return true;
        }
        if (Newer.than(adjustment.occurredAt(), eventId, fact.occurredAt, fact.sourceEventId)) {
            fact.apply(adjustment, eventId, now);
            return true;
        }
        return false;
    }

    static List<ContractAdjustmentFact> ofFreelancers(Collection<String> freelancerIds) {
        return find("SELECT DISTINCT a FROM ContractAdjustmentFact a LEFT JOIN FETCH a.paymentInstants WHERE a.freelancerId IN ?1",
                freelancerIds).list();
    }

    private void apply(EarningsAdjustment adjustment, UUID eventId, Instant now) {
        freelancerId = adjustment.freelancerId();
        clientId = adjustment.clientId();
        netEarningsCents = adjustment.netEarningsCents();
        paymentInstants.clear();
        paymentInstants.addAll(adjustment.paymentInstants());
        disputeOutcome = adjustment.disputeOutcome();
        adjustmentCause = adjustment.adjustmentCause();
        occurredAt = adjustment.occurredAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
