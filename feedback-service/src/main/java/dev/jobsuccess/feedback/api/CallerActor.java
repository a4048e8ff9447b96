package dev.jobsuccess.feedback.api;

import java.util.EnumSet;

import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.feedback.party.Actor;
import dev.jobsuccess.feedback.party.Party;

/** The domain's view of the caller: their user id and the roles their token grants. */
final class CallerActor {

    private CallerActor() {
    }

    static Actor of(Caller caller) {
        EnumSet<Party> roles = EnumSet.noneOf(Party.class);
        if (caller.is(Roles.CLIENT)) {
            roles.add(Party.CLIENT);
        }
        if (caller.is(Roles.FREELANCER)) {
            roles.add(Party.FREELANCER);
        }
        return new Actor(caller.userId(), roles, caller.isPlatform());
    }
}
