package dev.jobsuccess.score.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.advisor.HoldPeriod;
import dev.jobsuccess.score.advisor.Advice;

/** The bodies of the advisor's questions: a freelancer's, and the stateless ones that carry the engine's JSON. */
public final class AdvisorRequests {

    private AdvisorRequests() {
    }

    /** "How many new contracts until my score is {@code target}?" */
    public record Plan(@Schema(description = "The score to reach, 1 to 100 (90: Top Rated)") Integer target,
                       Advice.NewContracts newContracts) {}

    /** "How much does this change weigh with N prior successful contracts of this size?" */
    public record Sweep(@Schema(description = "Each prior contract's net earnings, in cents") Long priorNetEarningsCents,
                        @Schema(description = "The numbers of prior contracts to compare, e.g. [7, 56]; at most "
                                + "jobsuccess.score.limits.advisor-sweep-counts (20), each at most advisor-sweep-prior-contracts (1000)")
                        List<Integer> priorContracts,
                        @Schema(description = "The change: a new contract in the JSON of jss-engine-api.md (e.g. one bad review)")
                        ContractRecord change) {}

    /** An account hold over whole days; {@code until} null while it runs. */
    public record HoldDays(LocalDate from, LocalDate until) {}

    public record SimulationForecast(LocalDate asOf, JssParams params, List<ContractRecord> contracts,
                                     @Schema(description = "1 to 24; default 24") Integer months,
                                     @Schema(description = "Account holds, which block Top Rated; at most 100")
                                     List<HoldDays> accountHolds) {
        JssRequest request() {
            return new JssRequest(asOf, params, contracts);
        }
    }

    public record SimulationPlan(LocalDate asOf, JssParams params, List<ContractRecord> contracts, Integer target,
                                 Advice.NewContracts newContracts) {
        JssRequest request() {
            return new JssRequest(asOf, params, contracts);
        }
    }

    public record SimulationSweep(LocalDate asOf, JssParams params, List<ContractRecord> contracts, Long priorNetEarningsCents,
                                  List<Integer> priorContracts, ContractRecord change) {
        JssRequest request() {
            return new JssRequest(asOf, params, contracts);
        }
    }

    public record SimulationTopRated(LocalDate asOf, JssParams params, List<ContractRecord> contracts,
                                     List<HoldDays> accountHolds) {
        JssRequest request() {
            return new JssRequest(asOf, params, contracts);
        }
    }

    /** @throws ProblemException 400 naming the hold's field, 413 beyond {@code max} holds */
    static List<HoldPeriod> holds(List<HoldDays> holds, int max) {
        if (holds == null) {
            return List.of();
        }
        if (holds.size() > max) {
            throw ProblemException.payloadTooLarge("accountHolds", "at most " + max + " account holds, got " + holds.size());
        }
        List<HoldPeriod> out = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            HoldDays h = holds.get(i);
            String field = "accountHolds[" + i + "]";
            if (h == null) {
                throw ProblemException.badRequest(field, "must not be null");
            }
            if (h.from() == null) {
                throw ProblemException.badRequest(field + ".from", "is required");
            }
            if (h.until() != null && h.until().isBefore(h.from())) {
                throw ProblemException.badRequest(field + ".until", "must not be before from");
            }
            out.add(new HoldPeriod(h.from(), h.until()));
        }
        return out;
    }
}
