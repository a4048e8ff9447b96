package dev.jobsuccess.score.api;

import jakarta.enterprise.context.RequestScoped;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;

/**
 * Who may see what of a score: anyone signed in sees the published score and badges; only the freelancer
 * and PLATFORM see the explanation, the history and the what-if.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    Access(Caller caller) {
        this.caller = caller;
    }

    /** @throws ProblemException 403 unless the caller is this freelancer or PLATFORM */
    void requireSelfOrPlatform(String freelancerId) {
        if (!caller.isPlatform() && !caller.isUserInRole(freelancerId, Roles.FREELANCER)) {
            throw ProblemException.forbidden("NOT_YOUR_SCORE",
                    "only freelancer " + freelancerId + " and the platform may see this; others see the published score");
        }
    }

    /** @throws ProblemException 403 unless the caller is this freelancer */
    void requireSelf(String freelancerId) {
        if (!caller.isUserInRole(freelancerId, Roles.FREELANCER)) {
            throw ProblemException.forbidden("NOT_YOUR_SCORE", "only freelancer " + freelancerId + " may do this");
        }
    }

    boolean isPlatform() {
        return caller.isPlatform();
    }
}
