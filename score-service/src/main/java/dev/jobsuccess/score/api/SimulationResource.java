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
import dev.jobsuccess.score.advisor.Advice;
import dev.jobsuccess.score.advisor.AdvisorQuestions;
import dev.jobsuccess.score.advisor.StatelessAdvisor;

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
    private final StatelessAdvisor advisor;

    SimulationResource(RequestLimits limits, StatelessAdvisor advisor) {
        this.limits = limits;
        this.advisor = advisor;
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

    private static final String STATELESS = " Stateless: asOf, params and contracts as in jss-engine-api.md \"Request\" (a "
            + "request that breaks its rules gets 400 naming the field; the contract limits of POST /simulations apply, "
            + "413 beyond them); nothing is read or stored.";

    @POST
    @Path("/forecast")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The score ahead of asOf with no new work, from the given contracts (stateless)",
            description = "As GET /freelancers/{id}/advisor/forecast, from asOf for months (1 to 24, default 24); Top Rated "
                    + "is judged from the same contracts (weekly scores at each Sunday, 12-month earnings as the net of "
                    + "contracts paid in the 12 months) and the accountHolds given." + STATELESS)
    @APIResponse(responseCode = "200", description = "the forecast, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts, payment dates or holds than the limits allow")
    public Advice.ForecastAnswer forecast(AdvisorRequests.SimulationForecast request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request.request());
        int months = AdvisorQuestions.months(request.months());
        return advisor.forecast(request.request(), months,
                AdvisorRequests.holds(request.accountHolds(), advisor.limits().advisorAccountHolds()));
    }

    @POST
    @Path("/plan")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The smallest number of new contracts that brings the score to a target (stateless)",
            description = "As POST /freelancers/{id}/advisor/plan, from asOf; newContracts.firstEndDate defaults to asOf."
                    + STATELESS)
    @APIResponse(responseCode = "200", description = "the plan, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts or payment dates than the limits allow")
    public Advice.PlanAnswer plan(AdvisorRequests.SimulationPlan request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request.request());
        return advisor.plan(request.request(), AdvisorQuestions.target(request.target()), request.newContracts());
    }

    @POST
    @Path("/sweep")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "One change against N prior successful contracts, for each N (stateless)",
            description = "As POST /freelancers/{id}/advisor/sweep, at asOf, with the given contracts in place of the "
                    + "freelancer's facts." + STATELESS)
    @APIResponse(responseCode = "200", description = "one row per N, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts, payment dates or counts than the limits allow")
    public Advice.SweepAnswer sweep(AdvisorRequests.SimulationSweep request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request.request());
        long size = AdvisorQuestions.netEarnings(request.priorNetEarningsCents(), "priorNetEarningsCents");
        List<Integer> counts = AdvisorQuestions.priorCounts(request.priorContracts(), advisor.limits().advisorSweepCounts(),
                advisor.limits().advisorSweepPriorContracts());
        // The request first, so that a bad parameter is named as params.*, not under the change.
        JssEngine.validate(request.request());
        return advisor.sweep(request.request(), size, counts, AdvisorQuestions.change(request.change(), request.params()));
    }

    @POST
    @Path("/first-score")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "What each window still needs for a score, and which contracts count (stateless)",
            description = "As GET /freelancers/{id}/advisor/first-score; the body is exactly POST /simulations'." + STATELESS)
    @APIResponse(responseCode = "200", description = "the windows' needs, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts or payment dates than the limits allow")
    public Advice.FirstScoreAnswer firstScore(JssRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request);
        return advisor.firstScore(request);
    }

    @POST
    @Path("/top-rated-progress")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Top Rated's conditions at asOf from the given contracts (stateless)",
            description = "As GET /freelancers/{id}/advisor/top-rated-progress; each of the last 16 Sundays' score is the "
                    + "same contracts at that Sunday, and accountHolds (optional) block it." + STATELESS)
    @APIResponse(responseCode = "200", description = "the progress, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts, payment dates or holds than the limits allow")
    public Advice.TopRatedAnswer topRatedProgress(AdvisorRequests.SimulationTopRated request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request.request());
        return advisor.topRatedProgress(request.request(),
                AdvisorRequests.holds(request.accountHolds(), advisor.limits().advisorAccountHolds()));
    }

    @POST
    @Path("/long-term-contracts")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Each open contract under the long-term rule, and the score if closed at asOf (stateless)",
            description = "As GET /freelancers/{id}/advisor/long-term-contracts; the body is exactly POST /simulations'."
                    + STATELESS)
    @APIResponse(responseCode = "200", description = "the open contracts, without freelancerId")
    @APIResponse(responseCode = "400", description = "the request breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "413", description = "more contracts or payment dates than the limits allow")
    public Advice.LongTermAnswer longTermContracts(JssRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        limits.simulation(request);
        return advisor.longTermContracts(request);
    }
}
