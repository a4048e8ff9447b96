package dev.jobsuccess.score.removal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A decided feedback-removal request (legacy perk, domain.md §d.3.8). A decision is a fact: it was taken
 * with the score of its day, and is never re-decided. An accepted request not kept in the score excludes
 * its contract ({@code EXCLUDED_PERK}).
 */
@Entity
@Table(name = "feedback_removal")
public class FeedbackRemoval extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "contract_id", nullable = false)
    public String contractId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemovalMode mode;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(nullable = false)
    public boolean accepted;
    /** Null unless accepted: true when removing the contract would not have raised the score, so it stays in. */
    @Column(name = "kept_in_jss")
    public Boolean keptInJss;
    /** ACCEPTED, or the first rule that refused the request. */
    @Column(nullable = false)
    public String reason;
    @Column(name = "jss_with")
    public Integer jssWith;
    @Column(name = "jss_without")
    public Integer jssWithout;

    protected FeedbackRemoval() {
    }

    static FeedbackRemoval decided(String freelancerId, String contractId, RemovalMode mode, Instant requestedAt, boolean accepted,
                                   Boolean keptInJss, String reason, Integer jssWith, Integer jssWithout) {
        FeedbackRemoval removal = new FeedbackRemoval();
        removal.requestId = UUID.randomUUID();
        removal.freelancerId = freelancerId;
        removal.contractId = contractId;
        removal.mode = mode;
        removal.requestedAt = requestedAt;
        removal.accepted = accepted;
        removal.keptInJss = keptInJss;
        removal.reason = reason;
        removal.jssWith = jssWith;
        removal.jssWithout = jssWithout;
        removal.persist();
        return removal;
    }

    static List<FeedbackRemoval> ofFreelancer(String freelancerId) {
        return list("freelancerId = ?1 ORDER BY requestedAt, requestId", freelancerId);
    }
}
