package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.PayoutHold;
import dev.jobsuccess.contract.ledger.Settlement;

/** Money paid to the freelancer becomes available when its security hold ends (PUB S33). */
@Singleton
class SecurityHoldRelease implements TimerRule {

    private final Ledger ledger;
    private final Settlement settlement;

    SecurityHoldRelease(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    @Override
    public String dueSql() {
        return "SELECT contract_id, releases_at AS due FROM payout_hold WHERE cleared_at IS NULL AND releases_at <= ?1";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        PayoutHold h = PayoutHold.find("contractId = ?1 and clearedAt is null and releasesAt <= ?2 order by releasesAt",
                c.id, now).firstResult();
        return h == null ? null : new DueTimer(h.releasesAt,
                () -> settlement.securityCleared(ledger.posting(c, "SECURITY_CLEARED:" + h.id, h.releasesAt), c, h));
    }
}
