package dev.jobsuccess.contract.domain;

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

/** A contract between one client and one freelancer. Its state changes only through the methods below. */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType type;
    @Column(nullable = false)
    public String title;
    public String category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public Party endedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    @Column(name = "paid_cents", nullable = false)
    public long paidCents;
    @Version
    public long version;

    protected Contract() {
    }

    public static Contract start(String clientId, String freelancerId, ContractType type, String title, String category, Instant now) {
        if (clientId.equals(freelancerId)) {
            throw ProblemException.badRequest("freelancerId", "a client cannot hire themselves");
        }
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.clientId = clientId;
        c.freelancerId = freelancerId;
        c.type = type;
        c.title = title;
        c.category = category;
        c.status = ContractStatus.ACTIVE;
        c.createdAt = now;
        c.startedAt = now;
        return c;
    }

    /** Which party this user is on the contract, or null when the user is neither. */
    public Party partyOf(String userId) {
        if (clientId.equals(userId)) {
            return Party.CLIENT;
        }
        if (freelancerId.equals(userId)) {
            return Party.FREELANCER;
        }
        return null;
    }

    /** Ends the contract for good; an ended contract never reopens. */
    public void end(Party by, EndReason reason, long paidCents, Instant now) {
        if (status == ContractStatus.ENDED) {
            throw ProblemException.conflict("CONTRACT_ENDED", "contract " + id + " has already ended");
        }
        if (!reason.mayBeChosenBy(by)) {
            throw ProblemException.badRequest("endReasonCode", reason + " may not be chosen by the " + by.name().toLowerCase());
        }
        if (paidCents < 0) {
            throw ProblemException.badRequest("paidCents", "must not be negative");
        }
        this.status = ContractStatus.ENDED;
        this.endedAt = now;
        this.endedBy = by;
        this.endReason = reason;
        this.paidCents = paidCents;
    }
}
