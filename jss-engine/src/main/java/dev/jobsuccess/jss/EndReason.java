package dev.jobsuccess.jss;

/** Why a contract ended (domain.md §d.1.1). */
public enum EndReason {
    JOB_COMPLETED_SUCCESSFULLY(false),
    JOB_COMPLETED_UNSUCCESSFULLY(true),
    FREELANCER_UNRESPONSIVE(true),
    FREELANCER_LACKED_SKILLS(true),
    NO_LONGER_NEEDED(false),
    HIRED_SOMEONE_ELSE(false),
    CLIENT_NOT_RESPONSIVE(false),
    OTHER(false),
    DORMANT_AUTO_CLOSED(false),
    CLIENT_SUSPENDED(false),
    FREELANCER_SUSPENDED(false);

    private final boolean negativeCap;

    EndReason(boolean negativeCap) {
        this.negativeCap = negativeCap;
    }

    /** True for the three client reasons that cap the satisfaction at NEGATIVE (§d.3.2 {@code reason_class}). */
    public boolean negativeCap() {
        return negativeCap;
    }
}
