package dev.jobsuccess.score.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.score.advisor.Advice;
import dev.jobsuccess.score.advisor.AdvisorQuestions;
import dev.jobsuccess.score.advisor.AdvisorService;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.scoring.ScoreModel;

/**
 * The score advisor on a freelancer's real facts (domain.md §d.6). Like the what-if: the freelancer and PLATFORM only;
 * where the freelancer's clients' private feedback decides a score, the freelancer gets its range, never the value.
 */
@Path("/freelancers/{freelancerId}/advisor")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "advisor")
@SecurityRequirement(name = "jwt")
public class AdvisorResource {

    private static final String WHO = "The freelancer and PLATFORM only (others 403). Stores nothing, emits nothing. Where a "
            + "score depends on clients' private feedback the freelancer cannot see, it is null and range gives its lowest "
            + "and highest possible value (noScorePossible: no score is possible too); PLATFORM gets the value. 422 when "
            + "those possibilities are too many to weigh.";

    private final AdvisorService advisor;
    private final Access access;
    private final ScoreConfig.Limits limits;

    AdvisorResource(AdvisorService advisor, Access access, ScoreModel model) {
        this.advisor = advisor;
        this.access = access;
        this.limits = model.config().limits();
    }

    @GET
    @Path("/forecast")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Why will my score change when nothing happens? The score ahead, with no new work",
            description = "Points: the start date, then every date the score, band, selected window or Top Rated "
                    + "eligibility changes or a counted contract leaves W24, W12 or W6, each with its reasons (LEAVES_WINDOW, "
                    + "INCLUSION_CHANGE, SCORE_CHANGE, BAND_CHANGE, TOP_RATED_ELIGIBILITY, NO_SCORE). " + WHO)
    @APIResponse(responseCode = "200", description = "the forecast")
    @APIResponse(responseCode = "400", description = "from or months out of range; errors[].field names it")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    @APIResponse(responseCode = "422", description = "too many combinations of private feedback to weigh")
    public Advice.ForecastAnswer forecast(@PathParam("freelancerId") String freelancerId,
                                          @Parameter(description = "ISO date, from today (the default) to today + "
                                                  + "what-if-days-ahead") @QueryParam("from") String from,
                                          @Parameter(description = "1 to 24; default 24") @QueryParam("months") Integer months) {
        access.requireSelfOrPlatform(freelancerId);
        return advisor.forecast(freelancerId, date(from, "from"), AdvisorQuestions.months(months), access.isPlatform());
    }

    @GET
    @Path("/first-score")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "When will I get my first score? What each window still needs, and which contracts count",
            description = "Per window W24, W12, W6, W3: the counted contracts and distinct clients, how many of each are "
                    + "missing for the minimum, and undecidedContractIds: contracts whose counting the freelancer's "
                    + "clients' private feedback decides (then missing counts are at most). " + WHO)
    @APIResponse(responseCode = "200", description = "the windows' needs and each contract's inclusion")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    public Advice.FirstScoreAnswer firstScore(@PathParam("freelancerId") String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return advisor.firstScore(freelancerId, access.isPlatform());
    }

    @GET
    @Path("/top-rated-progress")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "How many weeks until 13 of 16? Top Rated's conditions today",
            description = "Eligible weeks among the last 16 recorded Sundays, the weeks still needed, the earliest Sunday "
                    + "they can be met (every coming week eligible), and the conditions that block Top Rated now (SCORE, "
                    + "ELIGIBLE_WEEKS, ACCOUNT_AGE, EARNINGS, ACCOUNT_HOLD, NO_RECENT_ACTIVITY). " + WHO)
    @APIResponse(responseCode = "200", description = "the progress")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    public Advice.TopRatedAnswer topRatedProgress(@PathParam("freelancerId") String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return advisor.topRatedProgress(freelancerId, access.isPlatform());
    }

    @GET
    @Path("/long-term-contracts")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Should I close my open contracts? Each one under the long-term rule",
            description = "For each open contract: whether it counts (long-term eligible), its full and paid 90-day "
                    + "periods (each paid one a length bonus), until when it counts with no new payment, and the score now "
                    + "and if it were closed today with the feedback it has. " + WHO)
    @APIResponse(responseCode = "200", description = "the open contracts")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    @APIResponse(responseCode = "422", description = "too many combinations of private feedback to weigh")
    public Advice.LongTermAnswer longTermContracts(@PathParam("freelancerId") String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return advisor.longTermContracts(freelancerId, access.isPlatform());
    }

    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "How many new contracts until my score reaches a target (90 for Top Rated)?",
            description = "The smallest number of new successful contracts (newContracts: size, length, private rating, "
                    + "first end date, days between ends) that brings the score to target for sure, and the date; or "
                    + "reachable false with IMPOSSIBLE_WITHIN_WINDOWS (they would end after 24 months) or "
                    + "MORE_THAN_MAX_CONTRACTS (limits.advisor-plan-contracts, 100). " + WHO)
    @APIResponse(responseCode = "200", description = "the plan")
    @APIResponse(responseCode = "400", description = "a field out of range; errors[].field names it")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    @APIResponse(responseCode = "422", description = "too many combinations of private feedback to weigh")
    public Advice.PlanAnswer plan(@PathParam("freelancerId") String freelancerId, AdvisorRequests.Plan request) {
        access.requireSelfOrPlatform(freelancerId);
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        return advisor.plan(freelancerId, AdvisorQuestions.target(request.target()), request.newContracts(), access.isPlatform());
    }

    @POST
    @Path("/sweep")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "How much does one bad review hurt me with 7 contracts vs 56?",
            description = "For each N of priorContracts: the score today with the freelancer's facts plus N prior "
                    + "successful contracts of priorNetEarningsCents (each its own client, ended today), without and with "
                    + "the change (a new contract), and the difference. " + WHO)
    @APIResponse(responseCode = "200", description = "one row per N")
    @APIResponse(responseCode = "400", description = "a field out of range; errors[].field names it")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    @APIResponse(responseCode = "413", description = "more counts than limits.advisor-sweep-counts")
    @APIResponse(responseCode = "422", description = "too many combinations of private feedback to weigh")
    public Advice.SweepAnswer sweep(@PathParam("freelancerId") String freelancerId, AdvisorRequests.Sweep request) {
        access.requireSelfOrPlatform(freelancerId);
        if (request == null) {
            throw ProblemException.badRequest("body", "is required");
        }
        long size = AdvisorQuestions.netEarnings(request.priorNetEarningsCents(), "priorNetEarningsCents");
        var counts = AdvisorQuestions.priorCounts(request.priorContracts(), limits.advisorSweepCounts(),
                limits.advisorSweepPriorContracts());
        var change = AdvisorQuestions.change(request.change(), null);
        return advisor.sweep(freelancerId, size, counts, change, access.isPlatform());
    }

    /** @throws ProblemException 400 naming the parameter when it is not an ISO date */
    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO date (YYYY-MM-DD)");
        }
    }
}
