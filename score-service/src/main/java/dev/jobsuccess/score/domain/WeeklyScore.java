package dev.jobsuccess.score.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A freelancer's displayed score at a Sunday snapshot, the input of Top Rated's "13 of the last 16 weeks"
 * (domain.md §d.3.9). Only weeks with a score are stored; a missing week had none. The first snapshot of a
 * Sunday is kept: the week's value is what was displayed then, not what later facts would say.
 */
@Entity
@Table(name = "weekly_score")
public class WeeklyScore extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "freelancer_id")
        public String freelancerId;
        @Column(name = "week_date")
        public LocalDate weekDate;

        protected Key() {
        }

        Key(String freelancerId, LocalDate weekDate) {
            this.freelancerId = freelancerId;
            this.weekDate = weekDate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && freelancerId.equals(k.freelancerId) && weekDate.equals(k.weekDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(freelancerId, weekDate);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public int jss;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    protected WeeklyScore() {
    }

    /** Records the Sunday's score unless that Sunday already has one. */
    static void recordIfAbsent(String freelancerId, LocalDate sunday, int jss, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO weekly_score (freelancer_id, week_date, jss, recorded_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (freelancer_id, week_date) DO NOTHING""")
                .setParameter(1, freelancerId)
                .setParameter(2, java.sql.Date.valueOf(sunday))
                .setParameter(3, jss)
                .setParameter(4, java.sql.Timestamp.from(now))
                .executeUpdate();
    }

    static List<WeeklyScore> ofFreelancers(Collection<String> freelancerIds, LocalDate from) {
        return list("key.freelancerId IN ?1 AND key.weekDate >= ?2", freelancerIds, from);
    }
}
