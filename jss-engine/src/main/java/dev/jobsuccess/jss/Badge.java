package dev.jobsuccess.jss;

/** The badges the score decides (domain.md §d.3.9); the externally flagged ones are not modelled here. */
public enum Badge {
    TOP_RATED,
    TOP_RATED_PLUS
}
