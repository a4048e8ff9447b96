package dev.jobsuccess.feedback.party;

/** A contract's two parties, whether it is still open or has ended. */
public record Parties(String contractId, String clientId, String freelancerId) {

    /** The user id of the given party of the contract. */
    public String idOf(Party party) {
        return switch (party) {
            case CLIENT -> clientId;
            case FREELANCER -> freelancerId;
            case SYSTEM -> throw new IllegalArgumentException("the system is not a party of a contract");
        };
    }

    /** Which party this user is on the contract, or null when the user is neither. */
    public Party partyOf(String userId) {
        if (clientId.equals(userId)) {
            return Party.CLIENT;
        }
        if (freelancerId.equals(userId)) {
            return Party.FREELANCER;
        }
        return null;
    }
}
