package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * When an account hold ran: from {@code startsAt} until {@code endsAt} (exclusive), or on while {@code endsAt} is null.
 * Top Rated needs none in the last 90 days (domain.md §d.3.9).
 */
public record AccountHoldPeriod(Instant startsAt, Instant endsAt) {

    public AccountHoldPeriod {
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
