package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneRules;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/** A submitted milestone the client did not review in time is approved (PUB S31). */
@Singleton
class MilestoneAutoApproval implements TimerRule {

    private final Ledger ledger;
    private final Settlement settlement;

    MilestoneAutoApproval(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    @Override
    public String dueSql() {
        return "SELECT contract_id, review_deadline AS due FROM milestone WHERE status = 'SUBMITTED' AND review_deadline <= ?1";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        Milestone m = Milestone.find("contractId = ?1 and status = ?2 and reviewDeadline <= ?3 order by reviewDeadline, seq",
                c.id, MilestoneStatus.SUBMITTED, now).firstResult();
        return m == null ? null : new DueTimer(m.reviewDeadline, () -> {
            // "If you do not take action within that time, that's considered approval" (PUB S31).
            var before = settlement.snapshot(c);
            var p = ledger.posting(c, "AUTO_APPROVE:" + m.id + ":" + m.submissionCount, m.reviewDeadline);
            settlement.releaseMilestone(p, c, m, MilestoneRules.approveAmount(m), settlement.milestones(c.id));
            m.autoApproved = true;
            settlement.adjusted(c, before, AdjustmentCause.ESCROW_RELEASE, m.reviewDeadline);
        });
    }
}
