package dev.jobsuccess.contract.api;

import java.net.URI;
import java.util.EnumSet;
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

import dev.jobsuccess.commons.security.Caller;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.contract.domain.Actor;
import dev.jobsuccess.contract.domain.ContractService;
import dev.jobsuccess.contract.domain.Party;

@Path("/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contracts")
@SecurityRequirement(name = "jwt")
public class ContractResource {

    private final ContractService contracts;
    private final Caller caller;

    ContractResource(ContractService contracts, Caller caller) {
        this.contracts = contracts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "A client starts a contract with a freelancer")
    public Response create(@NotNull @Valid CreateContractRequest request) {
        var c = contracts.create(caller.userId(), request.freelancerId(), request.type(), request.title(), request.category());
        return Response.created(URI.create("/contracts/" + c.id)).entity(ContractResponse.of(c)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A contract, for its parties and the platform")
    public ContractResponse get(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.visibleTo(id, actor()));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER})
    @Operation(summary = "Either party ends the contract; publishes contract-closed")
    public ContractResponse end(@PathParam("id") UUID id, @NotNull @Valid EndContractRequest request) {
        return ContractResponse.of(contracts.end(id, actor(), request.endReasonCode(), request.paidCents()));
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
