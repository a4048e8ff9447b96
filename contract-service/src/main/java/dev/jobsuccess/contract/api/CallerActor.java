package dev.jobsuccess.contract.api;

import java.util.EnumSet;

import jakarta.enterprise.context.RequestScoped;

import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Party;

/** The JWT caller as the domain sees it: a user id, the party roles the token grants, and whether it is the platform. */
@RequestScoped
public class CallerActor {

    private final Caller caller;

    CallerActor(Caller caller) {
        this.caller = caller;
    }

    public String userId() {
        return caller.userId();
    }

    public Actor actor() {
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
