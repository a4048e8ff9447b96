package dev.jobsuccess.contract.contract;

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
 * A contract between one client and one freelancer (domain.md §d.1.1). Its state changes only
 * through the methods below; money is never stored here but in the ledger.
 */
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
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "offer_closed_at")
    public Instant offerClosedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "offer_closed_reason")
    public OfferClosedReason offerClosedReason;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public Party endedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;
    @Column(name = "hourly_rate_cents")
    public Long hourlyRateCents;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "pause_reason")
    public PauseReason pauseReason;
    /** The dormancy clock: milestone and payment activity (domain.md §b.5, S46). */
    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;
    /** The last dormancy notice day sent since {@link #lastActivityAt} (0: none); each period gets its notices once. */
    @Column(name = "dormancy_notice_day", nullable = false)
    public int dormancyNoticeDay;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_outcome", nullable = false)
    public DisputeOutcome disputeOutcome;
    /** How many ledger entries the contract has; numbers the next one, so two writers cannot both post it. */
    @Column(name = "ledger_entries", nullable = false)
    public long ledgerEntries;
    @Version
    public long version;

    protected Contract() {
    }

    public static Contract offer(String clientId, String freelancerId, ContractType type, String title, String category,
                                 Long hourlyRateCents, Instant now) {
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
        c.hourlyRateCents = hourlyRateCents;
        c.status = ContractStatus.OFFER_PENDING;
        c.createdAt = now;
        c.lastActivityAt = now;
        c.disputeOutcome = DisputeOutcome.NONE;
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

    public void accept(Instant now) {
        requireOffer();
        status = ContractStatus.ACTIVE;
        startedAt = now;
        activity(now);
    }

    /** The offer ends without a contract; an expired one ends at its expiry instant, which may lie before now. */
    public void closeOffer(OfferClosedReason reason, Instant now) {
        requireOffer();
        status = ContractStatus.OFFER_CANCELLED;
        offerClosedAt = now;
        offerClosedReason = reason;
    }

    public void pause(PauseReason reason, Instant now) {
        if (reason == PauseReason.CLIENT && status == ContractStatus.PAUSED) {
            throw ProblemException.conflict("CONTRACT_ALREADY_PAUSED", "contract " + id + " is already paused");
        }
        requireRunning();
        if (status == ContractStatus.ACTIVE) {
            status = ContractStatus.PAUSED;
            pausedAt = now;
            pauseReason = reason;
        }
    }

    public void restart(Instant now) {
        requireRunning();
        if (status != ContractStatus.PAUSED) {
            throw ProblemException.conflict("CONTRACT_NOT_PAUSED", "contract " + id + " is not paused");
        }
        status = ContractStatus.ACTIVE;
        pausedAt = null;
        pauseReason = null;
        activity(now);
    }

    /** Ends the contract for good; an ended contract never reopens. */
    public void end(Party by, EndReason reason, Instant now) {
        requireRunning();
        if (!reason.mayBeChosenBy(by)) {
            throw ProblemException.badRequest("endReasonCode", reason + " may not be chosen by the " + by.name().toLowerCase());
        }
        status = ContractStatus.ENDED;
        endedAt = now;
        endedBy = by;
        endReason = reason;
        pausedAt = null;
        pauseReason = null;
    }

    /**
     * The end reason as {@code viewer} may read it. A party's reason for ending is part of that party's private feedback
     * (domain.md §d.2 rules 2 and 7): the other party sees who ended the contract and when, never why. A reason the
     * platform recorded (a suspension, a dormant contract) is no one's private feedback.
     */
    public EndReason endReasonSeenBy(Actor viewer) {
        if (endedBy == null || endedBy == Party.SYSTEM || viewer.platform() || endedBy == viewer.partyOn(this)) {
            return endReason;
        }
        return null;
    }

    /** Activity on the contract at {@code now}: the dormancy clock restarts unless it already ran from a later instant. */
    public void touch(Instant now) {
        if (lastActivityAt == null || now.isAfter(lastActivityAt)) {
            activity(now);
        }
    }

    /** A new inactivity period starts at {@code now}: its dormancy notices are still to be sent. */
    private void activity(Instant now) {
        lastActivityAt = now;
        dormancyNoticeDay = 0;
    }

    /** The dormancy notice of {@code day} went out for the current inactivity period; notices only move forward. */
    public void dormancyNoticeSent(int day) {
        if (day <= dormancyNoticeDay) {
            throw new IllegalStateException("dormancy notice of day " + day + " after that of day " + dormancyNoticeDay
                    + " on contract " + id);
        }
        dormancyNoticeDay = day;
    }

    public void recordDispute(DisputeOutcome outcome) {
        disputeOutcome = disputeOutcome.worst(outcome);
    }

    public boolean ended() {
        return status == ContractStatus.ENDED;
    }

    // ---- guards: each refusal names the state problem ----

    public void requireOffer() {
        if (status != ContractStatus.OFFER_PENDING) {
            throw ProblemException.conflict(status == ContractStatus.ENDED ? "CONTRACT_ENDED" : "OFFER_NOT_PENDING",
                    "contract " + id + " is " + status + ", not an open offer");
        }
    }

    /** ACTIVE or PAUSED: the contract has started and not ended. */
    public void requireRunning() {
        switch (status) {
            case ACTIVE, PAUSED -> { }
            case ENDED -> throw ProblemException.conflict("CONTRACT_ENDED", "contract " + id + " has ended");
            case OFFER_PENDING -> throw ProblemException.conflict("CONTRACT_NOT_STARTED",
                    "contract " + id + " is an offer the freelancer has not accepted");
            case OFFER_CANCELLED -> throw ProblemException.conflict("OFFER_CANCELLED", "the offer " + id + " was " +
                    (offerClosedReason == null ? "cancelled" : offerClosedReason.name().toLowerCase()));
        }
    }

    /** ACTIVE only: the freelancer cannot work on a paused contract. */
    public void requireActive() {
        requireRunning();
        if (status == ContractStatus.PAUSED) {
            throw ProblemException.conflict("CONTRACT_PAUSED", "contract " + id + " is paused");
        }
    }

    /** Started at some point (ACTIVE, PAUSED or ENDED): money may still move after the end. */
    public void requireStarted() {
        if (status == ContractStatus.OFFER_PENDING || status == ContractStatus.OFFER_CANCELLED) {
            requireRunning();
        }
    }

    public void requireFixedPrice() {
        if (type != ContractType.FIXED_PRICE) {
            throw ProblemException.conflict("NOT_FIXED_PRICE", "contract " + id + " is hourly; milestones belong to fixed-price contracts");
        }
    }

    public void requireHourly() {
        if (type != ContractType.HOURLY) {
            throw ProblemException.conflict("NOT_HOURLY", "contract " + id + " is fixed-price; time and invoices belong to hourly contracts");
        }
    }
}
