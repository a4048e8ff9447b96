package dev.jobsuccess.feedback.api;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.feedback.config.FeedbackConfig;
import dev.jobsuccess.feedback.feedback.FeedbackListing;
import dev.jobsuccess.feedback.party.Party;

/** The caller's own feedback across their contracts: what they gave and what they received. */
@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "jwt")
public class FeedbackListResource {

    static final int MAX_PAGE = 100;

    /** @param nextCursor pass it as {@code cursor} for the next page; null on the last page */
    public record FeedbackPage(List<FeedbackView> feedback, String nextCursor) {}

    private final FeedbackListing listing;
    private final Caller caller;
    private final Duration editWindow;

    FeedbackListResource(FeedbackListing listing, Caller caller, FeedbackConfig config) {
        this.listing = listing;
        this.caller = caller;
        this.editWindow = Duration.ofDays(config.editWindowDays());
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The feedback the caller gave or received, a page at a time (PLATFORM: any user's)",
            description = "direction GIVEN: the caller's own feedback, newest first, revealed or not, private part included. "
                    + "direction RECEIVED (default): feedback on the caller once revealed, newest reveal first, public part "
                    + "only. role (CLIENT or FREELANCER) keeps one side; limit 1 to " + MAX_PAGE + " (default 50); pass "
                    + "nextCursor as cursor for the next page. PLATFORM names the user (userId) and sees everything.")
    @APIResponse(responseCode = "200", description = "one page; nextCursor null on the last")
    @APIResponse(responseCode = "400", description = "a parameter or the cursor is invalid; errors[].field names it")
    @APIResponse(responseCode = "403", description = "a party naming another user, or a role their token does not grant")
    public FeedbackPage list(@QueryParam("direction") @DefaultValue("RECEIVED") FeedbackListing.Direction direction,
                             @QueryParam("role") Party role,
                             @QueryParam("userId") @Size(max = RequestBounds.MAX_ID) String userId,
                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit,
                             @QueryParam("cursor") @Size(max = 200) String cursor) {
        if (role == Party.SYSTEM) {
            throw ProblemException.badRequest("role", "must be CLIENT or FREELANCER");
        }
        FeedbackListing.Page page = listing.list(CallerActor.of(caller),
                new FeedbackListing.Query(direction, role, userId, limit, cursor));
        return new FeedbackPage(page.feedback().stream().map(l -> FeedbackView.of(l.feedback(), l.audience(), editWindow)).toList(),
                page.nextCursor());
    }
}
