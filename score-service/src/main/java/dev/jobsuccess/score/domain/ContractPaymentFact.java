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

/**
 * The latest contract-payment-recorded of an open contract (by occurredAt, then event id). Stored apart from
 * the start and the close, so the three may arrive in any order; a close, once stored, overrides it.
 */
@Entity
@Table(name = "contract_payment_fact")
public class ContractPaymentFact extends PanacheEntityBase {

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
    @Column(name = "net_earnings_cents", nullable = false)
    public long netEarningsCents;
    @ElementCollection
    @CollectionTable(name = "contract_payment_fact_payment", joinColumns = @JoinColumn(name = "contract_id"))
    @Column(name = "paid_at", nullable = false)
    public List<Instant> paymentInstants = new ArrayList<>();
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ContractPaymentFact() {
    }

    /** Keeps the report that occurred last; returns whether the stored facts changed. */
    static boolean record(OpenContractPayment payment, UUID eventId, Instant now) {
        ContractPaymentFact fact = findById(payment.contractId());
        if (fact == null) {
            fact = new ContractPaymentFact();
            fact.contractId = payment.contractId();
            fact.apply(payment, eventId, now);
            fact.persist();
            return true;
        }
        if (Newer.than(payment.occurredAt(), eventId, fact.occurredAt, fact.sourceEventId)) {
            fact.apply(payment, eventId, now);
            return true;
        }
        return false;
    }

    static List<ContractPaymentFact> ofFreelancers(Collection<String> freelancerIds) {
        return find("SELECT DISTINCT p FROM ContractPaymentFact p LEFT JOIN FETCH p.paymentInstants WHERE p.freelancerId IN ?1",
                freelancerIds).list();
    }

    private void apply(OpenContractPayment payment, UUID eventId, Instant now) {
        freelancerId = payment.freelancerId();
        clientId = payment.clientId();
        status = payment.status();
        startedAt = payment.startedAt();
        netEarningsCents = payment.netEarningsCents();
        paymentInstants.clear();
        paymentInstants.addAll(payment.paymentInstants());
        occurredAt = payment.occurredAt();
        sourceEventId = eventId;
        recordedAt = now;
    }
}
