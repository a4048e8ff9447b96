package dev.jobsuccess.score.scoring;

import java.time.LocalDate;
import java.util.Map;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/** A score as stored, with every window: what a rebuild compares. */
public record StoredScore(Integer jss, Window selectedWindow, Band band, Map<Window, Integer> windows, LocalDate asOf) {

    /** Same score, whatever the date it is as of. */
    public boolean sameScore(StoredScore other) {
        return java.util.Objects.equals(jss, other.jss) && selectedWindow == other.selectedWindow && band == other.band
                && windows.equals(other.windows);
    }
}
