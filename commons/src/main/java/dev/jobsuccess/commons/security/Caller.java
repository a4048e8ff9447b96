package dev.jobsuccess.commons.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the JWT's {@code sub} and its groups. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user id, from the token's {@code sub}. */
    public String userId() {
        // sub, not upn: the brief defines the user as the token's subject.
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isPlatform() {
        return is(Roles.PLATFORM);
    }

    /** True when the caller is the given user acting in the given role. */
    public boolean isUserInRole(String userId, String role) {
        return is(role) && userId.equals(userId());
    }
}
