package dev.jobsuccess.score.scoring;

import java.util.Map;

/**
 * Some events of a batch made their freelancer's score impossible to compute (the engine refused the facts, an
 * amount overflowed). Nothing of the batch was kept; the caller applies the batch without them.
 */
public class FactsUnscorableException extends RuntimeException {

    private final Map<Integer, String> reasonsByIndex;

    FactsUnscorableException(Map<Integer, String> reasonsByIndex) {
        super(reasonsByIndex.size() + " event(s) make a score impossible to compute: " + reasonsByIndex.values());
        this.reasonsByIndex = Map.copyOf(reasonsByIndex);
    }

    /** The events, by index in the batch, and why. */
    public Map<Integer, String> reasonsByIndex() {
        return reasonsByIndex;
    }
}
