package dev.jobsuccess.feedback.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.feedback.feedback.FeedbackService;

/** A freelancer's public profile feedback: what any signed-in user may read about them. */
@Path("/freelancers/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "jwt")
public class FreelancerFeedbackResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** So that page × size stays an int offset. */
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    private final FeedbackService feedback;

    FreelancerFeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The freelancer's public profile feedback: clients' revealed public feedback on contracts that paid at least $1, newest first",
            description = "Public parts only. A contract whose net earnings fall below $1 (a full refund) drops out, and comes back "
                    + "if a bonus lifts them again. A freelancer without any has an empty page, not 404.")
    public ProfileFeedbackView get(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                                   @Parameter(description = "0-based page, default 0") @QueryParam("page") String page,
                                   @Parameter(description = "items per page, 1.." + MAX_SIZE + ", default " + DEFAULT_SIZE) @QueryParam("size") String size) {
        int p = parse("page", page, 0, 0, MAX_PAGE);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return ProfileFeedbackView.of(feedback.profile(id, p, s));
    }

    private static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be an integer between " + min + " and " + max);
        }
        if (n < min || n > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
        }
        return n;
    }
}
