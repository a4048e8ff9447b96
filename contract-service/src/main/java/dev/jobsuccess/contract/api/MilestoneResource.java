package dev.jobsuccess.contract.api;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.idempotency.Idempotent;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.contract.api.Responses.MilestoneResponse;
import dev.jobsuccess.contract.milestone.MilestoneService;

@Idempotent
@Path("/contracts/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "milestones")
@SecurityRequirement(name = "jwt")
public class MilestoneResource {

    private final MilestoneService milestones;
    private final CallerActor caller;

    MilestoneResource(MilestoneService milestones, CallerActor caller) {
        this.milestones = milestones;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The contract's milestones, in order, with the escrow each holds")
    public List<MilestoneResponse> list(@PathParam("id") UUID id) {
        return milestones.list(id, caller.actor()).stream().map(MilestoneResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client adds a milestone (≥ 500 cents); escrow left on closed milestones rolls into it")
    public Response add(@PathParam("id") UUID id, @NotNull @Valid Requests.NewMilestone r) {
        var m = milestones.add(id, caller.actor(), r.description(), r.amountCents(), r.dueDate());
        return Response.created(URI.create("/contracts/" + id + "/milestones/" + m.id)).entity(MilestoneResponse.of(m)).build();
    }

    @POST
    @Path("/{mid}/fund")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client funds the milestone: its amount goes into escrow (ESCROW_DEPOSIT)")
    public MilestoneResponse fund(@PathParam("id") UUID id, @PathParam("mid") UUID mid) {
        return MilestoneResponse.of(milestones.fund(id, mid, caller.actor()));
    }

    @POST
    @Path("/{mid}/submit")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer submits work; the client has 14 days, then it is approved automatically")
    public MilestoneResponse submit(@PathParam("id") UUID id, @PathParam("mid") UUID mid) {
        return MilestoneResponse.of(milestones.submit(id, mid, caller.actor()));
    }

    @POST
    @Path("/{mid}/approve")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client approves: the milestone amount is released to the freelancer (ESCROW_RELEASE)")
    public MilestoneResponse approve(@PathParam("id") UUID id, @PathParam("mid") UUID mid) {
        return MilestoneResponse.of(milestones.approve(id, mid, caller.actor()));
    }

    @POST
    @Path("/{mid}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client releases a chosen amount; less than agreed rolls the rest to the next milestone")
    public MilestoneResponse release(@PathParam("id") UUID id, @PathParam("mid") UUID mid, @NotNull @Valid Requests.Amount r) {
        return MilestoneResponse.of(milestones.release(id, mid, caller.actor(), r.amountCents()));
    }

    @POST
    @Path("/{mid}/request-changes")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client asks for changes to submitted work, before the review deadline")
    public MilestoneResponse requestChanges(@PathParam("id") UUID id, @PathParam("mid") UUID mid) {
        return MilestoneResponse.of(milestones.requestChanges(id, mid, caller.actor()));
    }
}
