package dev.jobsuccess.contract.timers;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.OfferClosedReason;

/**
 * An offer the freelancer has not answered within {@code offer-expiry-days} expires (domain.md §d.1.1, OFFER_PENDING
 * --expire--> OFFER_CANCELLED). It ends exactly as a decline or withdrawal does: the offer is cancelled and nothing is
 * published, since an offer that never started is no JSS outcome and no consumer knew of it.
 */
@Singleton
class OfferExpiry implements TimerRule {

    private final ContractConfig config;

    OfferExpiry(ContractConfig config) {
        this.config = config;
    }

    @Override
    public String dueSql() {
        // The day count is an int from the configuration, not user input, so it is written into the SQL.
        String expiresAt = "c.created_at + make_interval(days => " + config.offerExpiryDays() + ")";
        return """
                SELECT c.id AS contract_id, %1$s AS due FROM contract c
                 WHERE c.status = 'OFFER_PENDING' AND %1$s <= ?1""".formatted(expiresAt);
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        if (c.status != ContractStatus.OFFER_PENDING) {
            return null;
        }
        Instant at = c.createdAt.plus(Duration.ofDays(config.offerExpiryDays()));
        return at.isAfter(now) ? null : new DueTimer(at, () -> c.closeOffer(OfferClosedReason.EXPIRED, at));
    }
}
