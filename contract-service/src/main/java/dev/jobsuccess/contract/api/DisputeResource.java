package dev.jobsuccess.contract.api;

import java.util.List;
import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.idempotency.Idempotent;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.contract.api.Responses.DisputeResponse;
import dev.jobsuccess.contract.dispute.DisputeService;

@Idempotent
@Path("/contracts/{id}/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "escrow refunds and disputes")
@SecurityRequirement(name = "jwt")
public class DisputeResource {

    private final DisputeService disputes;
    private final CallerActor caller;

    DisputeResource(DisputeService disputes, CallerActor caller) {
        this.disputes = disputes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The contract's escrow disputes")
    public List<DisputeResponse> list(@PathParam("id") UUID id) {
        return disputes.disputes(id, caller.actor()).stream().map(DisputeResponse::of).toList();
    }

    @GET
    @Path("/{did}")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "One escrow dispute, with its deadlines and outcome")
    public DisputeResponse get(@PathParam("id") UUID id, @PathParam("did") UUID did) {
        return DisputeResponse.of(disputes.dispute(id, did, caller.actor()));
    }

    @POST
    @Path("/{did}/accept")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client accepts the dispute: the escrow is released to the freelancer")
    public DisputeResponse accept(@PathParam("id") UUID id, @PathParam("did") UUID did) {
        return DisputeResponse.of(disputes.acceptDispute(id, did, caller.actor()));
    }

    @POST
    @Path("/{did}/reject")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client rejects the dispute: the platform mediates (up to 30 days)")
    public DisputeResponse reject(@PathParam("id") UUID id, @PathParam("did") UUID did) {
        return DisputeResponse.of(disputes.rejectDispute(id, did, caller.actor()));
    }

    @POST
    @Path("/{did}/mediation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "The mediator records the mediation: an agreed split, or no agreement (arbitration is offered)")
    public DisputeResponse mediation(@PathParam("id") UUID id, @PathParam("did") UUID did, @NotNull @Valid Requests.Mediation r) {
        return DisputeResponse.of(disputes.mediation(id, did, caller.actor(), r.agreed(), r.freelancerCents()));
    }
}
