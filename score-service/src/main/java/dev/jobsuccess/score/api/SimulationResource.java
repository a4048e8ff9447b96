package dev.jobsuccess.score.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Outcome;
import dev.jobsuccess.jss.Satisfaction;
import dev.jobsuccess.jss.Window;

/**
 * The engine as a stateless endpoint: the JSON of jss-engine-api.md in and out. Nothing is read or stored;
 * the caller supplies every input, so nothing here is private.
 */
@Path("/simulations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "simulations")
@SecurityRequirement(name = "jwt")
public class SimulationResource {

    /**
     * jss-engine-api.md "Response", plus what an explanation needs.
     *
     * @param contracts in the request's order
     */
    public record SimulationResponse(Integer jss, Window selectedWindow, Band band, WindowsView windows,
                                     List<ContractOut> contracts) {}

    /**
     * @param satisfaction the class of the supplied ratings, reason and dispute, whatever the inclusion
     * @param windows the windows among W24, W12, W6, W3 this counted contract lies in
     * @param jssWithout the displayed score if this contract were left out
     */
    public record ContractOut(String contractId, Inclusion inclusion, Outcome outcome, Integer weightQ,
                              Satisfaction satisfaction, boolean longTermEligible, LocalDate outcomeDate, List<Window> windows,
                              Integer jssWithout) {}

    private final RequestLimits limits;

    SimulationResource(RequestLimits limits) {
        this.limits = limits;
    }

    @POST
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Compute a Job Success Score from the given contracts (stateless)",
            description = "Request and response as in jss-engine-api.md. A request that breaks its rules, names an "
                    + "unknown enum value or an unknown parameter gets 400 with a problem naming the field. Size limits "
                    + "(jobsuccess.score.limits.*, defaults in brackets): contracts per request (1000), payment dates per "
                    + "contract (1000) and in the whole request (20000); beyond one, 413 naming the field.")
    @APIResponse(responseCode = "200", description = "the score, its windows and each contract's treatment")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts or payment dates than the limits allow; "
            + "errors[].field names the list")
    public SimulationResponse simulate(JssRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request);
        JssResult result = JssEngine.compute(request);
        Map<String, Integer> without = JssEngine.jssWithout(request);
        List<ContractOut> contracts = new ArrayList<>();
        for (ContractResult c : result.contracts()) {
            contracts.add(new ContractOut(c.contractId(), c.inclusion(), c.outcome(), c.weightQ(), c.satisfaction(),
                    c.longTermEligible(), c.outcomeDate(), c.windows(), without.get(c.contractId())));
        }
        return new SimulationResponse(result.jss(), result.selectedWindow(), result.band(), WindowsView.of(result.windows()),
                contracts);
    }
}
