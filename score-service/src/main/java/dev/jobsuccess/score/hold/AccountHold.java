package dev.jobsuccess.score.hold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An account hold a platform operator placed on a freelancer (domain.md §c C14: the enforcement itself is out of scope;
 * the hold matters here because Top Rated needs none in the last 90 days, §d.3.9). It runs from {@code startsAt} until
 * {@code endsAt}, or on while that is null. Holds are kept after they end: the badges of later days still see them.
 */
@Entity
@Table(name = "account_hold")
public class AccountHold extends PanacheEntityBase {

    @Id
    @Column(name = "hold_id")
    public UUID holdId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(nullable = false)
    public String reason;
    @Column(name = "placed_by", nullable = false)
    public String placedBy;
    @Column(name = "lifted_by")
    public String liftedBy;

    protected AccountHold() {
    }

    static AccountHold place(String freelancerId, Instant now, Instant until, String reason, String placedBy) {
        AccountHold hold = new AccountHold();
        hold.holdId = UUID.randomUUID();
        hold.freelancerId = freelancerId;
        hold.startsAt = now;
        hold.endsAt = until;
        hold.reason = reason;
        hold.placedBy = placedBy;
        hold.persist();
        return hold;
    }

    /** The hold running at {@code now}, if any: started, and not yet ended. */
    static AccountHold runningAt(String freelancerId, Instant now) {
        return find("freelancerId = ?1 and startsAt <= ?2 and (endsAt is null or endsAt > ?2) order by startsAt desc",
                freelancerId, now).firstResult();
    }

    static List<AccountHold> of(String freelancerId) {
        return list("freelancerId = ?1 order by startsAt, holdId", freelancerId);
    }

    /** A new end for the running hold (a later or earlier one, or none), with a new reason. */
    void extend(Instant until, String newReason) {
        endsAt = until;
        reason = newReason;
    }

    /** Ends the hold now; its past stays, so Top Rated still waits out the 90 days after it. */
    void lift(Instant now, String by) {
        endsAt = now;
        liftedBy = by;
    }
}
