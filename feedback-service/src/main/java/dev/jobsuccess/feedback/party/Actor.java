package dev.jobsuccess.feedback.party;

import java.util.Set;

/** The authenticated user and the roles their token grants, as the domain needs them. */
public record Actor(String userId, Set<Party> roles, boolean platform) {

    /** The party this actor is on the contract, provided their token grants that role. */
    public Party partyOn(Parties contract) {
        Party party = contract.partyOf(userId);
        return party != null && roles.contains(party) ? party : null;
    }
}
