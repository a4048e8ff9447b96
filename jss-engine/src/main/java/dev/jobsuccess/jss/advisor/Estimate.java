package dev.jobsuccess.jss.advisor;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;

/**
 * A displayed score as a viewer may know it: exact, or, where clients' private feedback decides it, only its range.
 *
 * @param jss the displayed score when determined (null also for "no score")
 * @param range null when determined; otherwise the lowest and highest possible score and whether "no score" is possible
 * @param band the band when determined, else null
 * @param selectedWindow the selected window when determined, else null
 * @param topRatedEligible whether Top Rated would hold; null when not evaluated or not determined
 */
public record Estimate(Integer jss, Range range, Band band, Window selectedWindow, Boolean topRatedEligible) {

    /** The lowest and highest possible displayed score (null: none possible) and whether "no score" is possible too. */
    public record Range(Integer min, Integer max, boolean noScorePossible) {}

    public static Estimate exact(JssResult result, Boolean topRatedEligible) {
        return new Estimate(result.jss(), null, result.band(), result.selectedWindow(), topRatedEligible);
    }

    public boolean determined() {
        return range == null;
    }

    /** Whether the score is at least {@code target} whatever the undetermined part turns out to be. */
    public boolean surelyAtLeast(int target) {
        if (determined()) {
            return jss != null && jss >= target;
        }
        return !range.noScorePossible() && range.min() != null && range.min() >= target;
    }
}
