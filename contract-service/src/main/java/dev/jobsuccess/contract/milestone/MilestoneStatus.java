package dev.jobsuccess.contract.milestone;

import java.util.EnumSet;
import java.util.Set;

/** domain.md §d.1.2, the milestone state machine. */
public enum MilestoneStatus {
    CREATED, FUNDED, SUBMITTED, CHANGES_REQUESTED, RELEASED, PARTIALLY_RELEASED,
    REFUND_REQUESTED, DISPUTED, IN_MEDIATION, ARBITRATION_OFFERED, RESOLVED, ARBITRATED, REFUNDED, CANCELLED;

    /** Work is still expected on these: money rolled forward from an earlier milestone lands here. */
    public static final Set<MilestoneStatus> OPEN = EnumSet.of(CREATED, FUNDED, SUBMITTED, CHANGES_REQUESTED);
    /** Funded and in progress: the client may release, the freelancer may submit. */
    public static final Set<MilestoneStatus> IN_PROGRESS = EnumSet.of(FUNDED, SUBMITTED, CHANGES_REQUESTED);
}
