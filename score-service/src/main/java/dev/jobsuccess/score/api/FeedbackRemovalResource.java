package dev.jobsuccess.score.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.score.removal.FeedbackRemoval;
import dev.jobsuccess.score.removal.FeedbackRemovalService;
import dev.jobsuccess.score.removal.RemovalMode;

/** The legacy Top Rated feedback-removal perk (domain.md §d.3.8), only while feedback_removal_perk_enabled. */
@Path("/freelancers/{freelancerId}/feedback-removals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@SecurityRequirement(name = "jwt")
public class FeedbackRemovalResource {

    /** @param mode JSS_ONLY (default) or JSS_AND_PROFILE */
    public record RemovalRequest(
            @NotBlank(message = "is required") @SingleLine @Size(max = AdminResource.MAX_ID_LENGTH) String contractId,
            RemovalMode mode) {}

    /**
     * @param reason ACCEPTED, or the rule that refused it: NOT_TOP_RATED, CONTRACT_NOT_ENDED, PERK_SUNSET, TOO_SOON,
     *               NOT_ENOUGH_CONTRACTS_SINCE_LAST
     * @param keptInJss for an accepted request: true when removing the contract would not have raised the score,
     *                  so it stays in it
     */
    public record Decision(UUID requestId, String contractId, RemovalMode mode, Instant requestedAt, boolean accepted,
                           Boolean keptInJss, String reason, Integer jssWith, Integer jssWithout) {

        static Decision of(FeedbackRemoval r) {
            return new Decision(r.requestId, r.contractId, r.mode, r.requestedAt, r.accepted, r.keptInJss, r.reason, r.jssWith,
                    r.jssWithout);
        }
    }

    private final FeedbackRemovalService removals;
    private final Access access;

    FeedbackRemovalResource(FeedbackRemovalService removals, Access access) {
        this.removals = removals;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "Ask to remove a contract's feedback from the score (legacy Top Rated perk)",
            description = "Decided at once: 201 with the decision, accepted or refused by rule. 409 while the perk is off.")
    public Response request(@PathParam("freelancerId") String freelancerId, @Valid RemovalRequest request) {
        access.requireSelf(freelancerId);
        if (request == null) {
            throw ProblemException.badRequest("contractId", "is required");
        }
        RemovalMode mode = request.mode() == null ? RemovalMode.JSS_ONLY : request.mode();
        return Response.status(201).entity(Decision.of(removals.request(freelancerId, request.contractId(), mode))).build();
    }

    @GET
    @RolesAllowed({Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The freelancer's removal requests and their decisions, oldest first")
    public List<Decision> requests(@PathParam("freelancerId") String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return removals.requests(freelancerId).stream().map(Decision::of).toList();
    }
}
