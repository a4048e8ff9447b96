package dev.jobsuccess.feedback.removal;

import java.time.Instant;
import java.util.UUID;

/** The facts of a feedback-removal-decided event that feedback needs (domain.md §d.3.8). */
public record RemovalDecision(UUID requestId, String contractId, String freelancerId, Mode mode, boolean accepted,
                              Instant decidedAt) {

    public enum Mode { JSS_ONLY, JSS_AND_PROFILE }

    /** Only an accepted JSS_AND_PROFILE request touches feedback: JSS_ONLY leaves the public feedback where it is. */
    public boolean hidesProfileFeedback() {
        return accepted && mode == Mode.JSS_AND_PROFILE;
    }
}
