package dev.jobsuccess.contract.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.messaging.ContractEvents;
import dev.jobsuccess.contract.milestone.Milestone;

/**
 * Warns before {@link DormantContract} closes a fixed-price contract holding funds: a contract-dormancy-notice on each
 * configured day of inactivity (S46: 76 and 83). The contract remembers the last notice day it sent in the current
 * inactivity period ({@link Contract#dormancyNoticeDay}), so a second pass, or a second replica, sends nothing again,
 * and activity starts a new period whose notices go out again.
 */
@Singleton
class DormancyNotice implements TimerRule {

    private final ContractConfig config;
    private final Settlement settlement;
    private final ContractEvents events;

    DormancyNotice(ContractConfig config, Settlement settlement, ContractEvents events) {
        this.config = config;
        this.settlement = settlement;
        this.events = events;
    }

    @Override
    public String dueSql() {
        // The days are ints from the configuration, not user input, so they are written into the SQL.
        String days = config.dormantFixedPriceNoticeDays().stream().map(String::valueOf).collect(Collectors.joining(","));
        return """
                SELECT c.id AS contract_id, c.last_activity_at + make_interval(days => d.day) AS due
                  FROM contract c CROSS JOIN unnest(ARRAY[%s]::int[]) AS d(day)
                 WHERE c.contract_type = 'FIXED_PRICE' AND c.status IN ('ACTIVE', 'PAUSED')
                   AND c.dormancy_notice_day < d.day
                   AND c.last_activity_at + make_interval(days => d.day) <= ?1
                   AND EXISTS (SELECT 1 FROM milestone m WHERE m.contract_id = c.id
                               AND m.funded_cents - m.released_cents - m.refunded_cents - m.rolled_out_cents > 0)"""
                .formatted(days);
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        if (c.type != ContractType.FIXED_PRICE || !c.status.running()) {
            return null;
        }
        for (int day : config.dormantFixedPriceNoticeDays()) {
            if (day <= c.dormancyNoticeDay) {
                continue;
            }
            // Days ascend: when the first unsent notice is not due yet, none is.
            Instant at = c.lastActivityAt.plus(Duration.ofDays(day));
            if (at.isAfter(now)) {
                return null;
            }
            // Without funds held the contract is not closed on day 90, so there is nothing to warn of.
            long held = settlement.milestones(c.id).stream().mapToLong(Milestone::remainingCents).sum();
            if (held == 0) {
                return null;
            }
            Instant autoCloseAt = c.lastActivityAt.plus(Duration.ofDays(config.dormantFixedPriceDays()));
            return new DueTimer(at, () -> {
                c.dormancyNoticeSent(day);
                events.dormancyNotice(c, day, at, autoCloseAt, held);
            });
        }
        return null;
    }
}
