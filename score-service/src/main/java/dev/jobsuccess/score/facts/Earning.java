package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * One movement of a contract's net earnings as contract-service reported it: a release, a cleared hourly charge or a
 * bonus (positive), a post-release refund (negative). The movements of a period sum to its gross earnings, before fees;
 * Top Rated Plus reads the last 12 months' (domain.md §d.3.9).
 */
public record Earning(Instant at, long amountCents) {

    public Earning {
        Objects.requireNonNull(at, "at");
    }
}
