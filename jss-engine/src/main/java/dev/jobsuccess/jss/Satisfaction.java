package dev.jobsuccess.jss;

/**
 * The client's satisfaction class for one contract (domain.md §d.3.2). Declared worst first, so the
 * worst of several classes is the one with the smallest ordinal.
 */
public enum Satisfaction {
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    /** No rating, no capping reason and no dispute class: nothing to judge the contract by. */
    NONE
}
