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

/**
 * The escrow a client (or the system) asked back when ending a fixed-price contract (PUB S35). The
 * freelancer approves or disputes it before {@code responseDeadline}; silence refunds it.
 */
@Entity
@Table(name = "escrow_refund_request")
public class EscrowRefundRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "amount_cents", nullable = false)
    public long amountCents;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "response_deadline", nullable = false)
    public Instant responseDeadline;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundRequestStatus status;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Version
    public long version;

    protected EscrowRefundRequest() {
    }

    public EscrowRefundRequest(UUID contractId, long amountCents, Instant requestedAt, Instant responseDeadline) {
        this.id = UUID.randomUUID();
        this.contractId = contractId;
        this.amountCents = amountCents;
        this.requestedAt = requestedAt;
        this.responseDeadline = responseDeadline;
        this.status = RefundRequestStatus.PENDING;
    }

    // ---- transitions: PENDING → APPROVED, DISPUTED (by the freelancer) or TIMED_OUT (silence) ----

    public void requirePending() {
        if (status != RefundRequestStatus.PENDING) {
            throw ProblemException.conflict("REFUND_REQUEST_NOT_PENDING", "the escrow refund request is " + status);
        }
    }

    /** The freelancer approved: the escrow goes back to the client. */
    public void approve(Instant at) {
        respond(RefundRequestStatus.APPROVED, at);
    }

    /** The freelancer disputed: a {@link Dispute} takes over. */
    public void dispute(Instant at) {
        respond(RefundRequestStatus.DISPUTED, at);
    }

    /** The freelancer stayed silent until the deadline: the escrow is refunded, as of the deadline. */
    public void timeOut() {
        respond(RefundRequestStatus.TIMED_OUT, responseDeadline);
    }

    private void respond(RefundRequestStatus answer, Instant at) {
        requirePending();
        status = answer;
        respondedAt = at;
    }
}
