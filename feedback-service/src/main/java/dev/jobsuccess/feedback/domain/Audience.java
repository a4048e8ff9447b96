package dev.jobsuccess.feedback.domain;

/** Whom a contract's feedback is shown to; it decides how much of each feedback they see. */
public enum Audience {
    CLIENT, FREELANCER, PLATFORM;

    /** A private part goes to its author and the platform, never to the feedback's subject (domain.md §d.2.7). */
    public boolean seesPrivatePartOf(Feedback feedback) {
        return switch (this) {
            case PLATFORM -> true;
            case CLIENT -> feedback.authorRole == Party.CLIENT;
            case FREELANCER -> feedback.authorRole == Party.FREELANCER;
        };
    }
}
