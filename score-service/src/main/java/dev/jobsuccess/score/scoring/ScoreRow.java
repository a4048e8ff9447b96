package dev.jobsuccess.score.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;

/**
 * A freelancer's latest computed score, as its freelancer_score row holds it; immutable, each transition returns the
 * next state.
 *
 * @param windows every window's value, W24, W12, W6, W3, TRENDING; null where not computable
 * @param eligibleWeeksLast16 of the last 16 weekly snapshots, how many counted toward Top Rated; null until badges were
 *                            first evaluated
 * @param badgesAsOf the snapshot date the badges were last evaluated at; null when never
 * @param staleSince when an event of this freelancer was dead-lettered because its recompute failed; null when the
 *                   score reflects every event received
 */
public record ScoreRow(String freelancerId, Integer jss, Window selectedWindow, Band band, Map<Window, Integer> windows,
                       NoScoreReason noScoreReason, LocalDate asOf, Instant computedAt, boolean topRated, boolean topRatedPlus,
                       Integer eligibleWeeksLast16, LocalDate badgesAsOf, Instant staleSince, UUID staleEventId,
                       String staleReason) {

    /** A row that was just created holds no score yet; its asOf is this placeholder. */
    static final LocalDate NEVER = LocalDate.of(1970, 1, 1);

    public ScoreRow {
        windows = Collections.unmodifiableMap(new EnumMap<>(windows.isEmpty() ? noWindows() : windows));
    }

    static Map<Window, Integer> noWindows() {
        Map<Window, Integer> none = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            none.put(window, null);
        }
        return none;
    }

    /** Whether a score was ever computed into this row. */
    public boolean computed() {
        return !NEVER.equals(asOf);
    }

    public List<Badge> badges() {
        List<Badge> badges = new ArrayList<>(2);
        if (topRated) {
            badges.add(Badge.TOP_RATED);
        }
        if (topRatedPlus) {
            badges.add(Badge.TOP_RATED_PLUS);
        }
        return badges;
    }

    ScoreSnapshot snapshot() {
        return new ScoreSnapshot(jss, selectedWindow, band, badges());
    }

    StoredScore stored() {
        return new StoredScore(jss, selectedWindow, band, windows, asOf);
    }

    /**
     * The row with a new result. computedAt moves only when what is published moves (score, window, band, any window's
     * value, the reason for no score): a recompute that changes nothing visible leaves no trace of when it ran, so nobody
     * learns from it when some input arrived.
     */
    ScoreRow withResult(JssResult result, NoScoreReason reason, LocalDate asOf, Instant now) {
        boolean same = computed() && java.util.Objects.equals(jss, result.jss()) && selectedWindow == result.selectedWindow()
                && band == result.band() && windows.equals(result.windows()) && noScoreReason == reason;
        return new ScoreRow(freelancerId, result.jss(), result.selectedWindow(), result.band(), result.windows(), reason, asOf,
                same ? computedAt : now, topRated, topRatedPlus, eligibleWeeksLast16, badgesAsOf, staleSince, staleEventId, staleReason);
    }

    ScoreRow withBadges(BadgeEvaluation evaluation, LocalDate asOf, Instant now) {
        boolean same = evaluation.badges().contains(Badge.TOP_RATED) == topRated
                && evaluation.badges().contains(Badge.TOP_RATED_PLUS) == topRatedPlus;
        return new ScoreRow(freelancerId, jss, selectedWindow, band, windows, noScoreReason, this.asOf, same ? computedAt : now,
                evaluation.badges().contains(Badge.TOP_RATED), evaluation.badges().contains(Badge.TOP_RATED_PLUS),
                evaluation.eligibleWeeks(), asOf, staleSince, staleEventId, staleReason);
    }

    /** The score now reflects every stored fact again (a rebuild recomputed it). */
    ScoreRow fresh() {
        return new ScoreRow(freelancerId, jss, selectedWindow, band, windows, noScoreReason, asOf, computedAt, topRated,
                topRatedPlus, eligibleWeeksLast16, badgesAsOf, null, null, null);
    }

    boolean stale() {
        return staleSince != null;
    }
}
