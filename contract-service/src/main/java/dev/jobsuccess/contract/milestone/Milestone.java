package dev.jobsuccess.contract.milestone;

import java.time.Instant;
import java.time.LocalDate;
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
 * A fixed-price milestone (domain.md §d.1.2). {@code fundedCents} is the escrow attributed to it,
 * deposits and money rolled in from an earlier milestone alike; what is still in escrow for it is
 * {@link #remainingCents()}. The ledger holds the money; these counters say whose it is.
 */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(nullable = false)
    public int seq;
    @Column(nullable = false)
    public String description;
    @Column(name = "amount_cents", nullable = false)
    public long amountCents;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneStatus status;
    @Column(name = "funded_cents", nullable = false)
    public long fundedCents;
    @Column(name = "released_cents", nullable = false)
    public long releasedCents;
    @Column(name = "refunded_cents", nullable = false)
    public long refundedCents;
    @Column(name = "rolled_in_cents", nullable = false)
    public long rolledInCents;
    @Column(name = "rolled_out_cents", nullable = false)
    public long rolledOutCents;
    @Column(name = "submission_count", nullable = false)
    public int submissionCount;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "review_deadline")
    public Instant reviewDeadline;
    @Column(name = "auto_approved", nullable = false)
    public boolean autoApproved;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "funded_at")
    public Instant fundedAt;
    @Version
    public long version;

    protected Milestone() {
    }

    public static Milestone create(UUID contractId, int seq, String description, long amountCents, LocalDate dueDate, Instant now) {
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.contractId = contractId;
        m.seq = seq;
        m.description = description;
        m.amountCents = amountCents;
        m.dueDate = dueDate;
        m.status = MilestoneStatus.CREATED;
        m.createdAt = now;
        return m;
    }

    /** Escrow still held for this milestone. */
    public long remainingCents() {
        return fundedCents - releasedCents - refundedCents - rolledOutCents;
    }

    /** What a deposit must add so the milestone is fully funded. */
    public long depositNeededCents() {
        return Math.max(0, amountCents - fundedCents);
    }

    public boolean isOpen() {
        return MilestoneStatus.OPEN.contains(status);
    }

    public void funded(long depositCents, Instant now) {
        fundedCents += depositCents;
        status = MilestoneStatus.FUNDED;
        fundedAt = now;
    }

    void submit(Instant now, int reviewDays) {
        if (status == MilestoneStatus.CREATED) {
            throw ProblemException.conflict("MILESTONE_NOT_FUNDED", "milestone " + id + " is not funded yet: work starts once its money is in escrow");
        }
        if (status == MilestoneStatus.SUBMITTED) {
            throw ProblemException.conflict("MILESTONE_ALREADY_SUBMITTED", "milestone " + id + " is already waiting for the client's review");
        }
        if (!MilestoneStatus.IN_PROGRESS.contains(status)) {
            throw closed();
        }
        status = MilestoneStatus.SUBMITTED;
        submittedAt = now;
        reviewDeadline = now.plus(java.time.Duration.ofDays(reviewDays));
        submissionCount++;
    }

    void requestChanges(Instant now) {
        if (status != MilestoneStatus.SUBMITTED) {
            throw ProblemException.conflict(status == MilestoneStatus.CREATED ? "MILESTONE_NOT_FUNDED" : "MILESTONE_NOT_SUBMITTED",
                    "milestone " + id + " is " + status + "; changes can be requested only on submitted work");
        }
        if (!now.isBefore(reviewDeadline)) {
            throw ProblemException.conflict("REVIEW_PERIOD_OVER", "the review period of milestone " + id + " ended at " + reviewDeadline);
        }
        status = MilestoneStatus.CHANGES_REQUESTED;
    }

    /** Guards a release by the client: funded and not yet closed, or a remainder left on a closed one. */
    void requireReleasable() {
        if (status == MilestoneStatus.CREATED) {
            throw ProblemException.conflict("MILESTONE_NOT_FUNDED", "milestone " + id + " is not funded");
        }
        boolean leftover = (status == MilestoneStatus.PARTIALLY_RELEASED || status == MilestoneStatus.RELEASED) && remainingCents() > 0;
        if (!MilestoneStatus.IN_PROGRESS.contains(status) && !leftover) {
            throw closed();
        }
    }

    ProblemException closed() {
        String code = switch (status) {
            case RELEASED, PARTIALLY_RELEASED, RESOLVED, ARBITRATED -> "MILESTONE_RELEASED";
            case REFUNDED -> "MILESTONE_REFUNDED";
            case CANCELLED -> "MILESTONE_CANCELLED";
            case REFUND_REQUESTED, DISPUTED, IN_MEDIATION, ARBITRATION_OFFERED -> "MILESTONE_IN_REFUND";
            default -> "MILESTONE_STATE";
        };
        return ProblemException.conflict(code, "milestone " + id + " is " + status);
    }
}
