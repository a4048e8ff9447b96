package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's flag for poor collaboration (client-flag-changed, domain.md §d.3.3). Per client, the
 * evaluation made last wins; a flagged client's contracts leave every freelancer's score, retroactively.
 */
public record ClientFlag(String clientId, boolean flagged, String reason, Instant evaluatedAt) implements Fact {

    public ClientFlag {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }
}
