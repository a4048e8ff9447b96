package dev.jobsuccess.contract.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.idempotency.Idempotent;
import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.contract.api.Responses.BalanceResponse;
import dev.jobsuccess.contract.api.Responses.ContractPage;
import dev.jobsuccess.contract.api.Responses.ContractResponse;
import dev.jobsuccess.contract.api.Responses.ContractSummary;
import dev.jobsuccess.contract.api.Responses.DisputeResponse;
import dev.jobsuccess.contract.api.Responses.LedgerEntryResponse;
import dev.jobsuccess.contract.api.Responses.LedgerResponse;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.ContractListing;
import dev.jobsuccess.contract.contract.ContractService;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.dispute.DisputeService;
import dev.jobsuccess.contract.ledger.PaymentService;

@Idempotent
@Path("/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contracts")
@SecurityRequirement(name = "jwt")
public class ContractResource {

    /** The most contracts one page of GET /contracts holds. */
    static final int MAX_PAGE = 100;

    private final ContractService contracts;
    private final PaymentService payments;
    private final DisputeService disputes;
    private final CallerActor caller;
    private final ContractListing listing;

    ContractResource(ContractService contracts, PaymentService payments, DisputeService disputes, CallerActor caller,
                     ContractListing listing) {
        this.contracts = contracts;
        this.payments = payments;
        this.disputes = disputes;
        this.caller = caller;
        this.listing = listing;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The caller's contracts, a page at a time (PLATFORM: anyone's)",
            description = "A party's own contracts, as client, as freelancer or both (role), newest first by default. "
                    + "Filters: status (repeatable), type, counterparty (the other party), endedFrom (inclusive) and "
                    + "endedBefore (exclusive). sort: CREATED_DESC (default), CREATED_ASC, ENDED_DESC or ENDED_ASC (these "
                    + "list ended contracts only). limit 1 to " + MAX_PAGE + " (default 50); pass nextCursor as cursor for "
                    + "the next page. PLATFORM filters by clientId and freelancerId instead of role and counterparty. The "
                    + "end reason follows GET /contracts/{id}: only the party who ended a contract sees why.")
    @APIResponse(responseCode = "200", description = "one page; nextCursor null on the last")
    @APIResponse(responseCode = "400", description = "a filter, the sort, the limit or the cursor is invalid; errors[].field names it")
    @APIResponse(responseCode = "403", description = "a party naming another party (clientId, freelancerId) or a role "
            + "their token does not grant")
    public ContractPage list(@QueryParam("role") Party role, @QueryParam("status") List<ContractStatus> status,
                             @QueryParam("type") ContractType type,
                             @QueryParam("counterparty") @Size(max = 200) String counterparty,
                             @QueryParam("clientId") @Size(max = 200) String clientId,
                             @QueryParam("freelancerId") @Size(max = 200) String freelancerId,
                             @QueryParam("endedFrom") Instant endedFrom, @QueryParam("endedBefore") Instant endedBefore,
                             @QueryParam("sort") @DefaultValue("CREATED_DESC") ContractListing.Sort sort,
                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit,
                             @QueryParam("cursor") @Size(max = 400) String cursor) {
        if (role == Party.SYSTEM) {
            throw ProblemException.badRequest("role", "must be CLIENT or FREELANCER");
        }
        if (endedFrom != null && endedBefore != null && !endedFrom.isBefore(endedBefore)) {
            throw ProblemException.badRequest("endedBefore", "must be after endedFrom");
        }
        Actor actor = caller.actor();
        ContractListing.Page page = listing.list(actor, new ContractListing.Query(role,
                status == null ? Set.of() : Set.copyOf(status), type, counterparty, clientId, freelancerId, endedFrom,
                endedBefore, sort, limit, cursor));
        return new ContractPage(page.contracts().stream().map(c -> ContractSummary.of(c, actor)).toList(), page.nextCursor());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "A client offers a contract to a freelancer (OFFER_PENDING until accepted)",
            description = "FIXED_PRICE may list milestones (each ≥ 500 cents); HOURLY needs hourlyRateCents and weeklyLimitMinutes.")
    public Response create(@NotNull @Valid Requests.CreateContract r) {
        var milestones = r.milestones() == null ? java.util.List.<ContractService.NewMilestone>of() : r.milestones().stream()
                .map(m -> new ContractService.NewMilestone(m.description(), m.amountCents(), m.dueDate())).toList();
        var view = contracts.offer(caller.userId(), new ContractService.NewContract(r.freelancerId(), r.type(), r.title(),
                r.category(), r.hourlyRateCents(), r.weeklyLimitMinutes(), milestones));
        return Response.created(URI.create("/contracts/" + view.contract().id))
                .entity(ContractResponse.of(view, caller.actor())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A contract, for its parties and the platform")
    public ContractResponse get(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.get(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer accepts the offer: the contract becomes ACTIVE")
    public ContractResponse accept(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.accept(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer declines the offer (OFFER_CANCELLED)")
    public ContractResponse decline(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.decline(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client withdraws the offer (OFFER_CANCELLED)")
    public ContractResponse withdraw(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.withdraw(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client pauses the contract: no time can be logged and no work submitted")
    public ContractResponse pause(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.pause(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/restart")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client restarts a paused contract")
    public ContractResponse restart(@PathParam("id") UUID id) {
        return ContractResponse.of(contracts.restart(id, caller.actor()), caller.actor());
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Either party ends the contract (the platform only for a suspension); publishes contract-closed",
            description = "A client with escrow chooses REQUEST_REFUND or PAY_AMOUNT (with payAmountCents); the rest becomes an "
                    + "escrow refund request the freelancer approves or disputes within 7 days. A freelancer's end refunds all escrow.")
    public ContractResponse end(@PathParam("id") UUID id, @NotNull @Valid Requests.EndContract r) {
        return ContractResponse.of(contracts.end(id, caller.actor(), r.endReasonCode(), r.escrowAction(), r.payAmountCents()), caller.actor());
    }

    @POST
    @Path("/{id}/bonus")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client pays a bonus, while the contract runs or up to 365 days after it ended")
    public BalanceResponse bonus(@PathParam("id") UUID id, @NotNull @Valid Requests.Amount r) {
        return BalanceResponse.of(payments.bonus(id, caller.actor(), r.amountCents()));
    }

    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FREELANCER)
    @Operation(summary = "The freelancer refunds money already paid (within 180 days of the payment)",
            description = "At most balance.refundableCents: paid in the last 180 days, within net earnings, out of cleared money.")
    public BalanceResponse refund(@PathParam("id") UUID id, @NotNull @Valid Requests.Amount r) {
        return BalanceResponse.of(payments.refund(id, caller.actor(), r.amountCents()));
    }

    @GET
    @Path("/{id}/ledger")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The contract's ledger entries (append-only, double-entry), in posting order")
    public LedgerResponse ledger(@PathParam("id") UUID id) {
        return new LedgerResponse(id, Responses.USD, payments.ledger(id, caller.actor()).stream().map(LedgerEntryResponse::of).toList());
    }

    @GET
    @Path("/{id}/balance")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The contract's balances and net earnings, derived from the ledger (optionally as of an instant)")
    public BalanceResponse balance(@PathParam("id") UUID id, @QueryParam("asOf") Instant asOf) {
        return BalanceResponse.of(payments.balance(id, caller.actor(), asOf));
    }

    @POST
    @Path("/{id}/arbitration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "The platform records the arbitration outcome of the contract's escrow dispute",
            description = "Only the freelancer paid → funds to the freelancer; only the client or neither → to the client; "
                    + "both → freelancerAwardCents to the freelancer and the rest to the client.")
    public DisputeResponse arbitration(@PathParam("id") UUID id, @NotNull @Valid Requests.Arbitration r) {
        return DisputeResponse.of(disputes.arbitration(id, caller.actor(), r.clientPaid(), r.freelancerPaid(), r.freelancerAwardCents()));
    }
}
