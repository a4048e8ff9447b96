package dev.jobsuccess.score.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.score.hold.AccountHold;
import dev.jobsuccess.score.hold.AccountHoldService;

/** Account holds (domain.md §c C14), an input of Top Rated: none may have run in the last 90 days (§d.3.9). */
@Path("/freelancers/{freelancerId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@SecurityRequirement(name = "jwt")
public class AccountHoldResource {

    static final int MAX_REASON_LENGTH = 500;

    /**
     * @param until when the hold ends; omitted or null: until lifted
     * @param reason why, for the record (one line)
     */
    public record HoldRequest(Instant until,
                              @NotBlank(message = "is required") @SingleLine @Size(max = MAX_REASON_LENGTH) String reason) {}

    /** @param endsAt null while the hold runs until lifted */
    public record Hold(UUID holdId, String freelancerId, Instant startsAt, Instant endsAt, String reason, String placedBy,
                       String liftedBy) {

        static Hold of(AccountHold h) {
            return new Hold(h.holdId, h.freelancerId, h.startsAt, h.endsAt, h.reason, h.placedBy, h.liftedBy);
        }
    }

    private final AccountHoldService holds;
    private final Access access;
    private final Caller caller;

    AccountHoldResource(AccountHoldService holds, Access access, Caller caller) {
        this.holds = holds;
        this.access = access;
        this.caller = caller;
    }

    @PUT
    @Path("/account-hold")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Place an account hold from now (or set the running one's end and reason)",
            description = "Top Rated and Top Rated Plus need no hold in the last 90 days; the badges are re-evaluated at "
                    + "once and a change is announced on score-changed.")
    public Hold place(@PathParam("freelancerId") @Size(max = AdminResource.MAX_ID_LENGTH) @SingleLine String freelancerId,
                      @Valid HoldRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("reason", "is required");
        }
        return Hold.of(holds.place(freelancerId, request.until(), request.reason(), caller.userId()));
    }

    @DELETE
    @Path("/account-hold")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Lift the running account hold now",
            description = "204 whether or not a hold was running. The hold stays on record: Top Rated still waits out the "
                    + "90 days after it.")
    public Response lift(@PathParam("freelancerId") @Size(max = AdminResource.MAX_ID_LENGTH) @SingleLine String freelancerId) {
        holds.lift(freelancerId, caller.userId());
        return Response.noContent().build();
    }

    @GET
    @Path("/account-holds")
    @RolesAllowed({Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The freelancer's account holds, running and past, oldest first")
    public List<Hold> list(@PathParam("freelancerId") @Size(max = AdminResource.MAX_ID_LENGTH) @SingleLine String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return holds.holds(freelancerId).stream().map(Hold::of).toList();
    }
}
