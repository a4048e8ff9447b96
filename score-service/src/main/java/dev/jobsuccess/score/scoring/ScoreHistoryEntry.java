package dev.jobsuccess.score.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/** One change of a freelancer's score, kept for good (the table refuses updates and deletes). */
@Entity
@Table(name = "score_history")
public class ScoreHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "freelancer_id", nullable = false, updatable = false)
    public String freelancerId;
    @Column(name = "previous_jss", updatable = false)
    public Integer previousJss;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_selected_window", updatable = false)
    public Window previousSelectedWindow;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_band", updatable = false)
    public Band previousBand;
    @Column(updatable = false)
    public Integer jss;
    @Enumerated(EnumType.STRING)
    @Column(name = "selected_window", updatable = false)
    public Window selectedWindow;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Band band;
    @Column(name = "window_w24", updatable = false)
    public Integer windowW24;
    @Column(name = "window_w12", updatable = false)
    public Integer windowW12;
    @Column(name = "window_w6", updatable = false)
    public Integer windowW6;
    @Column(name = "window_w3", updatable = false)
    public Integer windowW3;
    @Column(name = "window_trending", updatable = false)
    public Integer windowTrending;
    @Column(name = "as_of", nullable = false, updatable = false)
    public LocalDate asOf;
    @Column(name = "computed_at", nullable = false, updatable = false)
    public Instant computedAt;
    @Column(name = "cause_event_id", updatable = false)
    public UUID causeEventId;
    @Column(name = "cause_event_type", updatable = false)
    public String causeEventType;
    @Column(name = "score_changed_event_id", nullable = false, updatable = false)
    public UUID scoreChangedEventId;
    @Enumerated(EnumType.STRING)
    @Column(name = "score_trigger", nullable = false, updatable = false)
    public Trigger trigger;
    @Column(name = "cause_snapshot_date", updatable = false)
    public LocalDate causeSnapshotDate;
    /** Comma-separated, e.g. "TOP_RATED,TOP_RATED_PLUS"; empty for none. */
    @Column(name = "previous_badges", nullable = false, updatable = false)
    public String previousBadges;
    @Column(nullable = false, updatable = false)
    public String badges;
    @Column(name = "eligible_weeks_last16", updatable = false)
    public Integer eligibleWeeksLast16;

    protected ScoreHistoryEntry() {
    }

    /** A page of the freelancer's changes, newest first. */
    static List<ScoreHistoryEntry> page(String freelancerId, int page, int size) {
        return find("freelancerId = ?1 ORDER BY id DESC", freelancerId).page(page, size).list();
    }

    static long countOf(String freelancerId) {
        return count("freelancerId", freelancerId);
    }

    public List<Badge> previousBadgeList() {
        return split(previousBadges);
    }

    public List<Badge> badgeList() {
        return split(badges);
    }

    static String join(List<Badge> badges) {
        return badges.stream().map(Badge::name).collect(Collectors.joining(","));
    }

    private static List<Badge> split(String badges) {
        return badges == null || badges.isEmpty() ? List.of()
                : Arrays.stream(badges.split(",")).map(Badge::valueOf).toList();
    }
}
