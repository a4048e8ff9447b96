package dev.jobsuccess.feedback.api;

import java.util.EnumSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.feedback.domain.Actor;
import dev.jobsuccess.feedback.domain.Audience;
import dev.jobsuccess.feedback.domain.Feedback;
import dev.jobsuccess.feedback.domain.FeedbackService;
import dev.jobsuccess.feedback.domain.Party;

@Path("/contracts/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "jwt")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final Caller caller;

    FeedbackResource(FeedbackService feedback, Caller caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The contract's client leaves feedback on the freelancer, once, within the feedback window; publishes feedback-submitted")
    public Response submit(@PathParam("id") String contractId, @NotNull @Valid SubmitFeedbackRequest request) {
        Feedback f = feedback.submitByClient(contractId, actor(), request.publicFeedback(), request.privateFeedback());
        return Response.created(UriBuilder.fromResource(FeedbackResource.class).build(contractId))
                .entity(FeedbackView.of(f, Audience.CLIENT)).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A contract's feedback window and feedback, as far as the caller may see them")
    public ContractFeedbackView get(@PathParam("id") String contractId) {
        return ContractFeedbackView.of(feedback.visibleTo(contractId, actor()));
    }

    private Actor actor() {
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
