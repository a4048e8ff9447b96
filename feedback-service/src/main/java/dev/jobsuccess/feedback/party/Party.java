package dev.jobsuccess.feedback.party;

/** Who ended a contract or wrote a feedback: one of its two parties, or (for ends only) the platform itself. */
public enum Party {
    CLIENT, FREELANCER, SYSTEM;

    /** The other party of a contract: whom this party's feedback is about. */
    public Party counterpart() {
        return switch (this) {
            case CLIENT -> FREELANCER;
            case FREELANCER -> CLIENT;
            case SYSTEM -> throw new IllegalArgumentException("the system has no counterpart");
        };
    }
}
