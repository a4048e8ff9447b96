package dev.jobsuccess.jss;

/** A contract's state as the score sees it (domain.md §d.3.1). */
public enum ContractStatus {
    ENDED,
    ACTIVE,
    PAUSED
}
