package dev.jobsuccess.contract.dispute;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.contract.contract.DisputeOutcome;

/** A freelancer's dispute of an escrow refund request (PUB S36–S38): client response, mediation, arbitration. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "refund_request_id", nullable = false)
    public UUID refundRequestId;
    @Column(name = "amount_cents", nullable = false)
    public long amountCents;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DisputeStatus status;
    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
    @Column(name = "client_response_deadline", nullable = false)
    public Instant clientResponseDeadline;
    @Column(name = "mediation_deadline")
    public Instant mediationDeadline;
    @Column(name = "arbitration_deadline")
    public Instant arbitrationDeadline;
    @Enumerated(EnumType.STRING)
    public DisputeResolution resolution;
    @Enumerated(EnumType.STRING)
    public DisputeOutcome outcome;
    @Column(name = "released_cents", nullable = false)
    public long releasedCents;
    @Column(name = "refunded_cents", nullable = false)
    public long refundedCents;
    @Column(name = "client_paid_arbitration")
    public Boolean clientPaidArbitration;
    @Column(name = "freelancer_paid_arbitration")
    public Boolean freelancerPaidArbitration;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Version
    public long version;

    protected Dispute() {
    }

    Dispute(UUID contractId, UUID refundRequestId, long amountCents, Instant filedAt, Instant clientResponseDeadline) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.refundRequestId = refundRequestId;
        this.amountCents = amountCents;
        this.status = DisputeStatus.AWAITING_CLIENT;
        this.filedAt = filedAt;
        this.clientResponseDeadline = clientResponseDeadline;
    }
}
