package dev.jobsuccess.jss;

/** Which weight each counted contract carries (domain.md §d.3.4, jss-engine-api.md clarifications 5 and 6). */
public enum Weighting {
    TIERED,
    LINEAR_DOLLARS,
    UNWEIGHTED
}
