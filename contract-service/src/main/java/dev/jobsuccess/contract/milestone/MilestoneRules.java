package dev.jobsuccess.contract.milestone;

/** Small milestone rules shared by commands and timers. */
public final class MilestoneRules {

    private MilestoneRules() {
    }

    /** Approval pays the agreed amount; money rolled in beyond it rolls on to the next milestone. */
    public static long approveAmount(Milestone m) {
        long due = m.amountCents - m.releasedCents;
        return due > 0 ? Math.min(due, m.remainingCents()) : m.remainingCents();
    }
}
