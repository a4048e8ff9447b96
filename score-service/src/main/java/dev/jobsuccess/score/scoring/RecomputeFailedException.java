package dev.jobsuccess.score.scoring;

import java.util.Map;

/**
 * Recomputing some freelancers failed on their facts (the engine refused them, an amount overflowed): nothing of
 * the recompute was written, and the transaction should roll back. Retrying cannot help; the facts must change.
 */
public class RecomputeFailedException extends RuntimeException {

    private final Map<String, String> reasonsByFreelancer;

    RecomputeFailedException(Map<String, String> reasonsByFreelancer) {
        super("recompute failed for " + reasonsByFreelancer);
        this.reasonsByFreelancer = Map.copyOf(reasonsByFreelancer);
    }

    public Map<String, String> reasonsByFreelancer() {
        return reasonsByFreelancer;
    }
}
