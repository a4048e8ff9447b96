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
import dev.jobsuccess.contract.api.Responses.InvoiceResponse;
import dev.jobsuccess.contract.hourly.HourlyService;

@Idempotent
@Path("/contracts/{id}/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hourly")
@SecurityRequirement(name = "jwt")
public class InvoiceResource {

    private final HourlyService hourly;
    private final CallerActor caller;

    InvoiceResource(HourlyService hourly, CallerActor caller) {
        this.hourly = hourly;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The contract's weekly invoices (Monday 12:00 UTC after each week with logged time)")
    public List<InvoiceResponse> list(@PathParam("id") UUID id) {
        return hourly.invoices(id, caller.actor()).stream().map(InvoiceResponse::of).toList();
    }

    @POST
    @Path("/{iid}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client disputes an invoice in review: the contract pauses, the freelancer has 3 business days")
    public InvoiceResponse dispute(@PathParam("id") UUID id, @PathParam("iid") UUID iid, @NotNull @Valid Requests.InvoiceDispute r) {
        return InvoiceResponse.of(hourly.dispute(id, iid, caller.actor(), r.disputedCents()));
    }

    @POST
    @Path("/{iid}/dispute/accept")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer accepts the hourly dispute: the disputed amount is refunded")
    public InvoiceResponse accept(@PathParam("id") UUID id, @PathParam("iid") UUID iid) {
        return InvoiceResponse.of(hourly.acceptDispute(id, iid, caller.actor()));
    }

    @POST
    @Path("/{iid}/dispute/contest")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer contests the hourly dispute: the platform reviews the Work Diary")
    public InvoiceResponse contest(@PathParam("id") UUID id, @PathParam("iid") UUID iid) {
        return InvoiceResponse.of(hourly.contestDispute(id, iid, caller.actor()));
    }

    @POST
    @Path("/{iid}/dispute/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "The platform decides a contested hourly dispute: how much the client gets back")
    public InvoiceResponse decide(@PathParam("id") UUID id, @PathParam("iid") UUID iid, @NotNull @Valid Requests.HourlyDisputeDecision r) {
        return InvoiceResponse.of(hourly.decideDispute(id, iid, caller.actor(), r.refundCents()));
    }
}
