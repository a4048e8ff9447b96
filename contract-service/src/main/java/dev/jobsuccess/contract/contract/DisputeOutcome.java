package dev.jobsuccess.contract.contract;

/** A contract's dispute outcome, the JSS input of domain.md §d.3.1; the worst resolved dispute wins. */
public enum DisputeOutcome {
    NONE, FREELANCER_WON, SPLIT, CLIENT_WON;

    /** The worse of the two for the freelancer (CLIENT_WON &gt; SPLIT &gt; FREELANCER_WON &gt; NONE). */
    public DisputeOutcome worst(DisputeOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The outcome of a settlement that gave the freelancer {@code toFreelancer} of {@code total}. */
    public static DisputeOutcome ofSplit(long toFreelancer, long total) {
        if (toFreelancer >= total) {
            return FREELANCER_WON;
        }
        return toFreelancer <= 0 ? CLIENT_WON : SPLIT;
    }
}
