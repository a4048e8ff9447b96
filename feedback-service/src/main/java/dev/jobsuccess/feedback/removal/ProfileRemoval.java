package dev.jobsuccess.feedback.removal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An accepted JSS_AND_PROFILE removal (domain.md §d.3.8): the client's end-of-contract public rating and comment on the
 * contract leave the freelancer's profile, now or when the client writes them.
 */
@Entity
@Table(name = "profile_removal")
public class ProfileRemoval extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "contract_id", nullable = false)
    public String contractId;
    @Column(name = "freelancer_id", nullable = false)
    public String freelancerId;
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected ProfileRemoval() {
    }

    /** Records the decision once per request; true when this call recorded it. */
    public static boolean record(RemovalDecision decision, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO profile_removal (request_id, contract_id, freelancer_id, decided_at, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (request_id) DO NOTHING""")
                .setParameter(1, decision.requestId())
                .setParameter(2, decision.contractId())
                .setParameter(3, decision.freelancerId())
                .setParameter(4, Timestamp.from(decision.decidedAt()))
                .setParameter(5, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** When the first removal of the freelancer's feedback on the contract was decided, or null if none was. */
    public static Instant decidedAt(String contractId, String freelancerId) {
        return getEntityManager().createQuery("select min(r.decidedAt) from ProfileRemoval r where r.contractId = ?1 and r.freelancerId = ?2",
                        Instant.class)
                .setParameter(1, contractId).setParameter(2, freelancerId).getSingleResult();
    }
}
