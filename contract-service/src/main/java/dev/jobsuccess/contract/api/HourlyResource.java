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
import jakarta.ws.rs.PUT;
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
import dev.jobsuccess.contract.api.Responses.ContractResponse;
import dev.jobsuccess.contract.api.Responses.TimeEntryResponse;
import dev.jobsuccess.contract.hourly.HourlyService;

@Idempotent
@Path("/contracts/{id}/hourly")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hourly")
@SecurityRequirement(name = "jwt")
public class HourlyResource {

    private final HourlyService hourly;
    private final CallerActor caller;

    HourlyResource(HourlyService hourly, CallerActor caller) {
        this.hourly = hourly;
        this.caller = caller;
    }

    @GET
    @Path("/time-entries")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The time the freelancer logged on the contract")
    public List<TimeEntryResponse> timeEntries(@PathParam("id") UUID id) {
        return hourly.timeEntries(id, caller.actor()).stream().map(TimeEntryResponse::of).toList();
    }

    @POST
    @Path("/time-entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer logs time on a day of the current billing week (Monday 00:00 UTC to Sunday)")
    public Response logTime(@PathParam("id") UUID id, @NotNull @Valid Requests.TimeEntry r) {
        var entry = hourly.logTime(id, caller.actor(), r.workDate(), r.minutes(), r.memo());
        return Response.created(URI.create("/contracts/" + id + "/hourly/time-entries")).entity(TimeEntryResponse.of(entry)).build();
    }

    @PUT
    @Path("/weekly-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client sets the weekly limit: an increase applies now, a decrease from next Monday")
    public ContractResponse weeklyLimit(@PathParam("id") UUID id, @NotNull @Valid Requests.WeeklyLimit r) {
        return ContractResponse.of(hourly.setWeeklyLimit(id, caller.actor(), r.weeklyLimitMinutes()), caller.actor());
    }
}
