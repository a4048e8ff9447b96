package dev.jobsuccess.contract.timers;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.EndReason;
import dev.jobsuccess.contract.contract.Endings;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.Milestone;

/** 90 days with no activity on a fixed-price contract holding funds: the system closes it and asks the escrow back (S46). */
@Singleton
class DormantContract implements TimerRule {

    private final ContractConfig config;
    private final Settlement settlement;
    private final Endings endings;

    DormantContract(ContractConfig config, Settlement settlement, Endings endings) {
        this.config = config;
        this.settlement = settlement;
        this.endings = endings;
    }

    @Override
    public String dueSql() {
        // The day count is an int from the configuration, not user input, so it is written into the SQL.
        String dormantAt = "c.last_activity_at + make_interval(days => " + config.dormantFixedPriceDays() + ")";
        return """
                SELECT c.id AS contract_id, %1$s AS due FROM contract c
                 WHERE c.contract_type = 'FIXED_PRICE' AND c.status IN ('ACTIVE', 'PAUSED')
                   AND %1$s <= ?1
                   AND EXISTS (SELECT 1 FROM milestone m WHERE m.contract_id = c.id
                               AND m.funded_cents - m.released_cents - m.refunded_cents - m.rolled_out_cents > 0)"""
                .formatted(dormantAt);
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        if (c.type != ContractType.FIXED_PRICE || !c.status.running()) {
            return null;
        }
        Instant at = c.lastActivityAt.plus(Duration.ofDays(config.dormantFixedPriceDays()));
        if (at.isAfter(now) || settlement.milestones(c.id).stream().mapToLong(Milestone::remainingCents).sum() == 0) {
            return null;
        }
        return new DueTimer(at, () -> endings.end(c, Party.SYSTEM, EndReason.DORMANT_AUTO_CLOSED, null, null, at));
    }
}
