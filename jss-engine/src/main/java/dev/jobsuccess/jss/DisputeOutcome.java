package dev.jobsuccess.jss;

/** How a dispute on the contract was resolved; {@code NONE} when there was none. */
public enum DisputeOutcome {
    NONE,
    FREELANCER_WON,
    SPLIT,
    CLIENT_WON
}
