package dev.jobsuccess.feedback.feedback;

import dev.jobsuccess.feedback.party.Party;

/** Whom a contract's feedback is shown to; it decides which feedback they see, and how much of each. */
public enum Audience {
    CLIENT, FREELANCER, PLATFORM;

    /**
     * Double-blind (§d.2 rule 3): a party sees their own feedback, and the other party's only once it is revealed;
     * before that they learn nothing of it, not even that it exists. The platform sees everything.
     */
    public boolean sees(Feedback feedback) {
        return this == PLATFORM || isAuthorOf(feedback) || feedback.revealed();
    }

    /**
     * A public part removed from the profile (§d.3.8: "hides the public rating and comment") is hidden from every view
     * but its author's and the platform's, with the reply that answered it.
     */
    public boolean seesPublicPartOf(Feedback feedback) {
        return this == PLATFORM || isAuthorOf(feedback) || !feedback.removedFromProfile();
    }

    /** A private part goes to its author and the platform, never to the feedback's subject (domain.md §d.2.7). */
    public boolean seesPrivatePartOf(Feedback feedback) {
        return this == PLATFORM || isAuthorOf(feedback);
    }

    public boolean isAuthorOf(Feedback feedback) {
        return party() == feedback.authorRole;
    }

    /** The contract party this audience is, or null for the platform. */
    public Party party() {
        return switch (this) {
            case CLIENT -> Party.CLIENT;
            case FREELANCER -> Party.FREELANCER;
            case PLATFORM -> null;
        };
    }

    public static Audience of(Party party) {
        return switch (party) {
            case CLIENT -> CLIENT;
            case FREELANCER -> FREELANCER;
            case SYSTEM -> throw new IllegalArgumentException("the system is not an audience");
        };
    }
}
