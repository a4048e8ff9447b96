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

import dev.jobsuccess.commons.problem.ProblemException;

import dev.jobsuccess.contract.contract.DisputeOutcome;

/**
 * A freelancer's dispute of an escrow refund request (PUB S36–S38): client response, mediation, arbitration. Its
 * state changes only through the transitions below, each refusing a change its state does not allow.
 */
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

    // ---- transitions: AWAITING_CLIENT → IN_MEDIATION → ARBITRATION_OFFERED, and from any of them → RESOLVED ----

    /** Refuses the command unless the dispute is in {@code expected}. */
    public void require(DisputeStatus expected, String code) {
        if (status != expected) {
            throw ProblemException.conflict(code, "dispute " + id + " is " + status);
        }
    }

    /** The client rejected the dispute: the platform mediates until {@code deadline} (PUB S37). */
    public void toMediation(Instant deadline) {
        require(DisputeStatus.AWAITING_CLIENT, "DISPUTE_NOT_AWAITING_CLIENT");
        status = DisputeStatus.IN_MEDIATION;
        mediationDeadline = deadline;
    }

    /** Mediation found no agreement: the parties may pay the arbitration fee until {@code deadline} (PUB S38). */
    public void offerArbitration(Instant deadline) {
        require(DisputeStatus.IN_MEDIATION, "DISPUTE_NOT_IN_MEDIATION");
        status = DisputeStatus.ARBITRATION_OFFERED;
        arbitrationDeadline = deadline;
    }

    /** Who paid the arbitration fee; recorded with the arbitration outcome, or as nobody when the offer lapsed. */
    public void arbitrationFeesPaid(boolean byClient, boolean byFreelancer) {
        require(DisputeStatus.ARBITRATION_OFFERED, "NO_ARBITRATION_OFFERED");
        clientPaidArbitration = byClient;
        freelancerPaidArbitration = byFreelancer;
    }

    /**
     * Ends the dispute: {@code releasedCents} of the {@code heldCents} in dispute went to the freelancer, the rest
     * back to the client. Returns the outcome, which the contract's dispute record takes in.
     */
    public DisputeOutcome resolve(DisputeResolution how, long releasedCents, long heldCents, Instant at) {
        if (status == DisputeStatus.RESOLVED) {
            throw ProblemException.conflict("DISPUTE_RESOLVED", "dispute " + id + " is already resolved");
        }
        if (releasedCents < 0 || releasedCents > heldCents) {
            throw new IllegalArgumentException("released " + releasedCents + " of " + heldCents + " cents in dispute");
        }
        status = DisputeStatus.RESOLVED;
        resolution = how;
        outcome = DisputeOutcome.ofSplit(releasedCents, heldCents);
        this.releasedCents = releasedCents;
        refundedCents = heldCents - releasedCents;
        resolvedAt = at;
        return outcome;
    }
}
