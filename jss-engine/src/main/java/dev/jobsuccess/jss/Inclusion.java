package dev.jobsuccess.jss;

/** Whether a contract enters the score, and if not, the first rule of domain.md §d.3.3 that kept it out. */
public enum Inclusion {
    COUNTED,
    EXCLUDED_OPEN,
    EXCLUDED_PERK,
    EXCLUDED_FLAGGED_CLIENT,
    EXCLUDED_NO_FEEDBACK,
    EXCLUDED_ZERO_EARNINGS
}
