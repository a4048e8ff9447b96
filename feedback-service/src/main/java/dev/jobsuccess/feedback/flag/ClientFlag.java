package dev.jobsuccess.feedback.flag;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client's flag as last evaluated (§d.3.3). */
@Entity
@Table(name = "client_flag")
public class ClientFlag extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(nullable = false)
    public boolean flagged;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FlagReason reason;
    @Column(nullable = false)
    public boolean suspended;
    @Column(name = "distinct_freelancers", nullable = false)
    public int distinctFreelancers;
    @Column(name = "negative_freelancers", nullable = false)
    public int negativeFreelancers;
    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    protected ClientFlag() {
    }

    /**
     * The client's flag row, created unflagged if new, and locked until the transaction ends: evaluations of one
     * client queue, so each counts the feedback the previous one committed.
     */
    public static ClientFlag lockFor(String clientId, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO client_flag (client_id, flagged, reason, suspended, distinct_freelancers, negative_freelancers, evaluated_at)
                        VALUES (?1, false, 'NONE', false, 0, 0, ?2) ON CONFLICT (client_id) DO NOTHING""")
                .setParameter(1, clientId)
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
        return findById(clientId, LockModeType.PESSIMISTIC_WRITE);
    }
}
