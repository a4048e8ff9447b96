package dev.jobsuccess.contract.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import dev.jobsuccess.contract.api.Responses.EscrowRefundRequestResponse;
import dev.jobsuccess.contract.dispute.DisputeService;

@Idempotent
@Path("/contracts/{id}/escrow-refund-request")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "escrow refunds and disputes")
@SecurityRequirement(name = "jwt")
public class EscrowRefundResource {

    private final DisputeService disputes;
    private final CallerActor caller;

    EscrowRefundResource(DisputeService disputes, CallerActor caller) {
        this.disputes = disputes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The escrow refund request the client's end created, with the freelancer's deadline")
    public EscrowRefundRequestResponse get(@PathParam("id") UUID id) {
        return EscrowRefundRequestResponse.of(disputes.refundRequest(id, caller.actor()));
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer approves the refund request: the escrow goes back to the client (ESCROW_REFUND)")
    public EscrowRefundRequestResponse approve(@PathParam("id") UUID id) {
        return EscrowRefundRequestResponse.of(disputes.approveRefundRequest(id, caller.actor()));
    }

    @POST
    @Path("/dispute")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer disputes the refund request; the client has 5 business days, silence releases to the freelancer")
    public DisputeResponse dispute(@PathParam("id") UUID id) {
        return DisputeResponse.of(disputes.disputeRefundRequest(id, caller.actor()));
    }
}
