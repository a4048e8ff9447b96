package dev.jobsuccess.feedback.api;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.idempotency.Idempotent;
import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.feedback.feedback.Audience;
import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.midcontract.MidContractFeedbackService;

/** The client's public feedback on a running contract (domain.md §d.2 rule 1, PUB S17). */
@Path("/contracts/{id}/mid-contract-feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "jwt")
@Idempotent
public class MidContractFeedbackResource {

    private final MidContractFeedbackService midContract;
    private final Caller caller;

    MidContractFeedbackResource(MidContractFeedbackService midContract, Caller caller) {
        this.midContract = midContract;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client of an ACTIVE contract leaves public feedback while it runs",
            description = "Body: the public part of the configured form alone: {scores, comment?} (LEGACY_2015) or {stars, comment?} "
                    + "(STREAMLINED_2025); a private part is refused. Allowed when the contract started at least 30 days ago, money "
                    + "reached the freelancer in the last 30 days, and the client's last mid-contract feedback on it is at least 30 "
                    + "days old. It is public at once (no double blind), on the freelancer's profile while the contract's net earnings "
                    + "are at least $1, listed with midContract true, and published as feedback-submitted with midContract true; "
                    + "it does not count in the Job Success Score by default. The end-of-contract feedback is given as before.")
    @APIResponse(responseCode = "201", description = "stored and public; the body is the feedback as its author sees it")
    @APIResponse(responseCode = "400", description = "the body does not fit the form, or has a private part; errors[].field names the field")
    @APIResponse(responseCode = "403", description = "NOT_CLIENT: the caller is the contract's freelancer")
    @APIResponse(responseCode = "404", description = "no such contract, or the caller is not its party")
    @APIResponse(responseCode = "409", description = "CONTRACT_ENDED, CONTRACT_NOT_ACTIVE (paused), TOO_EARLY_IN_CONTRACT, "
            + "NO_RECENT_PAYMENT or MID_CONTRACT_FEEDBACK_TOO_RECENT")
    public Response submit(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                           @NotNull @Valid MidContractFeedbackRequest request) {
        Feedback f = midContract.submit(id, CallerActor.of(caller), request.toDraft());
        return Response.created(UriBuilder.fromResource(FeedbackResource.class).path(f.id.toString()).build(id))
                .entity(FeedbackView.of(f, Audience.of(f.authorRole), Duration.ZERO)).build();
    }
}
