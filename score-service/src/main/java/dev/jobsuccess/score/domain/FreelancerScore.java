package dev.jobsuccess.score.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.jss.Badge;
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
    @Column(name = "top_rated", nullable = false)
    public boolean topRated;
    @Column(name = "top_rated_plus", nullable = false)
    public boolean topRatedPlus;
    /** Of the last 16 weekly snapshots, how many counted toward Top Rated; null until badges were first evaluated. */
    @Column(name = "eligible_weeks_last16")
    public Integer eligibleWeeksLast16;
    /** The snapshot date the badges were last evaluated at; null when never. */
    @Column(name = "badges_as_of")
    public LocalDate badgesAsOf;

    /** A row that was just created holds no score yet; its asOf is this placeholder. */
    static final LocalDate NEVER = LocalDate.of(1970, 1, 1);

    protected FreelancerScore() {
    }

    /**
     * The freelancers' score rows, locked until the transaction ends; created (without a score) where
     * absent. Insert-then-lock rather than read-then-insert: two first recomputes of one freelancer
     * meet on the primary key, and the second waits for the first instead of failing.
     */
    static Map<String, FreelancerScore> lockAll(SortedSet<String> freelancerIds, Instant now) {
        for (String freelancerId : freelancerIds) {
            getEntityManager().createNativeQuery("""
                            INSERT INTO freelancer_score (freelancer_id, no_score_reason, as_of, computed_at)
                            VALUES (?1, ?2, ?3, ?4) ON CONFLICT (freelancer_id) DO NOTHING""")
                    .setParameter(1, freelancerId)
                    .setParameter(2, NoScoreReason.NO_CONTRACTS.name())
                    .setParameter(3, Date.valueOf(NEVER))
                    .setParameter(4, Timestamp.from(now))
                    .executeUpdate();
        }
        // Row locks are taken in the ORDER BY order: every transaction locks freelancers in id order, so two
        // never wait for each other in a cycle.
        List<FreelancerScore> rows = find("freelancerId IN ?1 ORDER BY freelancerId", freelancerIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Map<String, FreelancerScore> byId = new LinkedHashMap<>();
        for (FreelancerScore row : rows) {
            byId.put(row.freelancerId, row);
        }
        return byId;
    }

    /** Whether a score was ever computed into this row. */
    boolean computed() {
        return !NEVER.equals(asOf);
    }

    Set<Badge> badges() {
        Set<Badge> badges = EnumSet.noneOf(Badge.class);
        if (topRated) {
            badges.add(Badge.TOP_RATED);
        }
        if (topRatedPlus) {
            badges.add(Badge.TOP_RATED_PLUS);
        }
        return badges;
    }

    ScoreSnapshot snapshot() {
        return new ScoreSnapshot(jss, selectedWindow, band, List.copyOf(badges()));
    }

    StoredScore stored() {
        return new StoredScore(jss, selectedWindow, band, windows(), asOf);
    }

    void updateBadges(BadgeEvaluation evaluation, LocalDate asOf) {
        topRated = evaluation.badges().contains(Badge.TOP_RATED);
        topRatedPlus = evaluation.badges().contains(Badge.TOP_RATED_PLUS);
        eligibleWeeksLast16 = evaluation.eligibleWeeks();
        badgesAsOf = asOf;
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
