package dev.jobsuccess.jss;

/** How a window's weights become a percentage (domain.md §d.3.5). */
public enum Formula {
    /** {@code 100 × S / T}: only successes count for the freelancer. */
    SUCCESS_RATIO,
    /** {@code 100 × max(S − N, 0) / T}: the literal published formula, where negatives also subtract. */
    NET
}
