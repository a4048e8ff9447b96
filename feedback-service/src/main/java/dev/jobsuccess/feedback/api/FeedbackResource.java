package dev.jobsuccess.feedback.api;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import dev.jobsuccess.feedback.feedback.FeedbackService;
import dev.jobsuccess.feedback.feedback.SeenFeedback;

/**
 * A contract's feedback. A caller who is not a party (and not the platform) gets 404 for everything here and learns
 * nothing, not even whether the contract exists; a party learns nothing of the other party's feedback before it is
 * revealed; nobody but its author and the platform ever sees a private part.
 *
 * <p>{@code id} is the contract's id. Path parameters keep their URL template names in Java too, so a refused one is
 * reported under the name the API documents (as commons' request guards report theirs).
 */
@Path("/contracts/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
@SecurityRequirement(name = "jwt")
@Idempotent
public class FeedbackResource {

    private final FeedbackService feedback;
    private final Caller caller;
    private final Clock clock;

    FeedbackResource(FeedbackService feedback, Caller caller, Clock clock) {
        this.feedback = feedback;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER})
    @Operation(summary = "A party leaves feedback on the other party: once, within the 14-day window, on the configured form",
            description = "The caller's token decides whose feedback it is: the contract's client (CLIENT) rates the freelancer, "
                    + "the contract's freelancer (FREELANCER) rates the client. LEGACY_2015 (default): public {scores: six 1..5, "
                    + "comment?} optional; private {recommendScore 0..10, endReasonCode, note? (client only)} required. "
                    + "STREAMLINED_2025: public {stars 1..5, comment?} required; private {endReasonCode, note? (client only)} "
                    + "required, no recommendScore. Publishes feedback-submitted; when the other party has already submitted, "
                    + "both feedbacks are revealed now and feedback-revealed is published for each.")
    @APIResponse(responseCode = "201", description = "stored; the body is the feedback as its author sees it")
    @APIResponse(responseCode = "400", description = "the body does not fit the form; errors[].field names the field")
    @APIResponse(responseCode = "404", description = "no such contract, or the caller is not its party in the token's role")
    @APIResponse(responseCode = "409", description = "ALREADY_SUBMITTED, or WINDOW_CLOSED after 23:59:59.999 UTC of the 14th day")
    public Response submit(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                           @NotNull @Valid SubmitFeedbackRequest request) {
        Feedback f = feedback.submit(id, CallerActor.of(caller), request.toDraft());
        return Response.created(UriBuilder.fromResource(FeedbackResource.class).path(f.id.toString()).build(id))
                .entity(FeedbackView.of(f, Audience.of(f.authorRole), Duration.ZERO)).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A contract's feedback window and the feedback the caller may see",
            description = "A party sees their own feedback (with its private part) and the other party's once revealed "
                    + "(public part only). PLATFORM sees everything.")
    public ContractFeedbackView get(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id) {
        return ContractFeedbackView.of(feedback.visibleTo(id, CallerActor.of(caller)), clock.instant());
    }

    @GET
    @Path("/{feedbackId}")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "One feedback, if the caller may see it (404 otherwise, also before its reveal to the other party)")
    public FeedbackView one(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                            @PathParam("feedbackId") @Size(max = RequestBounds.MAX_ID) @SingleLine String feedbackId) {
        return FeedbackView.of(feedback.one(id, feedbackId, CallerActor.of(caller)));
    }

    @POST
    @Path("/{feedbackId}/allow-edit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER})
    @Operation(summary = "The recipient of a revealed feedback lets its author edit the public part once, within 14 days")
    @APIResponse(responseCode = "200", description = "allowed; the body is the feedback as its recipient sees it, with editableUntil")
    @APIResponse(responseCode = "403", description = "NOT_RECIPIENT: the caller wrote this feedback")
    @APIResponse(responseCode = "409", description = "EDIT_ALREADY_ALLOWED")
    public FeedbackView allowEdit(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                                  @PathParam("feedbackId") @Size(max = RequestBounds.MAX_ID) @SingleLine String feedbackId) {
        return FeedbackView.of(feedback.allowEdit(id, feedbackId, CallerActor.of(caller)));
    }

    @POST
    @Path("/{feedbackId}/reply")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER})
    @Operation(summary = "The recipient of a revealed feedback replies to it in public: once, within 28 days of the reveal, never edited",
            description = "Body: {text} (1 to " + SubmitFeedbackRequest.MAX_TEXT + " characters, not blank). The reply is shown with the "
                    + "feedback's public part wherever that is shown: the contract's feedback, the lists, the freelancer's profile.")
    @APIResponse(responseCode = "201", description = "stored; the body is the feedback as its recipient sees it, with its reply")
    @APIResponse(responseCode = "400", description = "text missing, blank or too long; errors[].field names it")
    @APIResponse(responseCode = "403", description = "NOT_RECIPIENT: the caller wrote this feedback")
    @APIResponse(responseCode = "404", description = "no such feedback the caller may see (also before its reveal)")
    @APIResponse(responseCode = "409", description = "NO_PUBLIC_PART, ALREADY_REPLIED, or REPLY_WINDOW_CLOSED (28 days after the reveal)")
    public Response reply(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                          @PathParam("feedbackId") @Size(max = RequestBounds.MAX_ID) @SingleLine String feedbackId,
                          @NotNull @Valid ReplyRequest request) {
        SeenFeedback seen = feedback.reply(id, feedbackId, CallerActor.of(caller), request.text());
        return Response.status(Response.Status.CREATED).entity(FeedbackView.of(seen)).build();
    }

    @PUT
    @Path("/{feedbackId}/public")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER})
    @Operation(summary = "The author replaces the public part, once, after the recipient allowed it; the private part never changes",
            description = "Body: the public part on the feedback's own form: {scores, comment?} (LEGACY_2015) or {stars, comment?} "
                    + "(STREAMLINED_2025). Publishes feedback-submitted again with publicEditedAt set.")
    @APIResponse(responseCode = "403", description = "NOT_AUTHOR: the caller is the recipient")
    @APIResponse(responseCode = "409", description = "EDIT_NOT_ALLOWED, ALREADY_EDITED, or EDIT_WINDOW_CLOSED (14 days after allowing)")
    public FeedbackView editPublic(@PathParam("id") @Size(max = RequestBounds.MAX_ID) @SingleLine String id,
                                   @PathParam("feedbackId") @Size(max = RequestBounds.MAX_ID) @SingleLine String feedbackId,
                                   @NotNull @Valid SubmitFeedbackRequest.PublicPart request) {
        SeenFeedback seen = feedback.editPublic(id, feedbackId, CallerActor.of(caller), request.toDraft());
        return FeedbackView.of(seen);
    }
}
