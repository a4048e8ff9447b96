package dev.jobsuccess.contract.ledger;

import java.time.Instant;

/**
 * One ledger entry's change of the contract's net earnings (domain.md §d.1.4), effective at {@code at}: positive for a
 * payment (ESCROW_RELEASE, HOURLY_REVIEW_CLEARED, BONUS), negative for a refund of paid money (POST_RELEASE_REFUND).
 * Published as the events' {@code earnings} items, so a consumer can sum the earnings of any period itself.
 */
public record EarningsChange(Instant at, long amountCents) {}
