package dev.jobsuccess.commons.security;

/** The JWT groups a caller may carry. */
public final class Roles {
    public static final String CLIENT = "CLIENT";
    public static final String FREELANCER = "FREELANCER";
    public static final String PLATFORM = "PLATFORM";

    private Roles() {
    }
}
