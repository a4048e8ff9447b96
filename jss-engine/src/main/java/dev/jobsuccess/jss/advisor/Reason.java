package dev.jobsuccess.jss.advisor;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.Window;

/** Why a forecast point differs from the one before it. Each carries its {@code kind}, the name callers match on. */
public sealed interface Reason {

    String kind();

    /** A counted contract's outcome date is now before the window's first day (domain.md §d.3.5). */
    record LeavesWindow(String kind, String contractId, Window window) implements Reason {
        public LeavesWindow(String contractId, Window window) {
            this("LEAVES_WINDOW", contractId, window);
        }
    }

    /**
     * A contract's inclusion changed with the date alone: an open contract becomes, or stops being, long-term eligible
     * (domain.md §d.3.6).
     */
    record InclusionChange(String kind, String contractId, Inclusion from, Inclusion to) implements Reason {
        public InclusionChange(String contractId, Inclusion from, Inclusion to) {
            this("INCLUSION_CHANGE", contractId, from, to);
        }
    }

    record ScoreChange(String kind, Integer from, Integer to) implements Reason {
        public ScoreChange(Integer from, Integer to) {
            this("SCORE_CHANGE", from, to);
        }
    }

    record BandChange(String kind, Band from, Band to) implements Reason {
        public BandChange(Band from, Band to) {
            this("BAND_CHANGE", from, to);
        }
    }

    record TopRatedEligibility(String kind, boolean eligible) implements Reason {
        public TopRatedEligibility(boolean eligible) {
            this("TOP_RATED_ELIGIBILITY", eligible);
        }
    }

    /** The score disappears: no candidate window keeps the minimum of counted contracts and clients. */
    record NoScore(String kind, String reason) implements Reason {
        public static final String NOT_ENOUGH_CONTRACTS = "NOT_ENOUGH_CONTRACTS";

        public NoScore(String reason) {
            this("NO_SCORE", reason);
        }
    }
}
