package dev.jobsuccess.score.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;

/** A freelancer's latest computed score. Its row is also the lock that serializes that freelancer's recomputes. */
@Entity
@Table(name = "freelancer_score")
public class FreelancerScore extends PanacheEntityBase {

    @Id
    @Column(name = "freelancer_id")
    public String freelancerId;
    public Integer jss;
    @Enumerated(EnumType.STRING)
    @Column(name = "selected_window")
    public Window selectedWindow;
    @Enumerated(EnumType.STRING)
    public Band band;
    @Column(name = "window_w24")
    public Integer windowW24;
    @Column(name = "window_w12")
    public Integer windowW12;
    @Column(name = "window_w6")
    public Integer windowW6;
    @Column(name = "window_w3")
    public Integer windowW3;
    @Column(name = "window_trending")
    public Integer windowTrending;
    @Enumerated(EnumType.STRING)
    @Column(name = "no_score_reason")
    public NoScoreReason noScoreReason;
    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;
    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    protected FreelancerScore() {
    }

    /**
     * The freelancer's score row, locked until the transaction ends; created (without a score) if
     * absent. Insert-then-lock rather than read-then-insert: two first recomputes of one freelancer
     * meet on the primary key, and the second waits for the first instead of failing.
     */
    static FreelancerScore lockFor(String freelancerId, LocalDate today, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO freelancer_score (freelancer_id, no_score_reason, as_of, computed_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT (freelancer_id) DO NOTHING""")
                .setParameter(1, freelancerId)
                .setParameter(2, NoScoreReason.NO_CONTRACTS.name())
                .setParameter(3, Date.valueOf(today))
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        return findById(freelancerId, LockModeType.PESSIMISTIC_WRITE);
    }

    ScoreSnapshot snapshot() {
        return new ScoreSnapshot(jss, selectedWindow, band);
    }

    /** Every window's value, in the order W24, W12, W6, W3, TRENDING; null where not computable. */
    Map<Window, Integer> windows() {
        Map<Window, Integer> windows = new EnumMap<>(Window.class);
        windows.put(Window.W24, windowW24);
        windows.put(Window.W12, windowW12);
        windows.put(Window.W6, windowW6);
        windows.put(Window.W3, windowW3);
        windows.put(Window.TRENDING, windowTrending);
        return windows;
    }

    void update(JssResult result, NoScoreReason reason, LocalDate asOf, Instant now) {
        jss = result.jss();
        selectedWindow = result.selectedWindow();
        band = result.band();
        windowW24 = result.windows().get(Window.W24);
        windowW12 = result.windows().get(Window.W12);
        windowW6 = result.windows().get(Window.W6);
        windowW3 = result.windows().get(Window.W3);
        windowTrending = result.windows().get(Window.TRENDING);
        noScoreReason = reason;
        this.asOf = asOf;
        computedAt = now;
    }
}
