package dev.jobsuccess.score.advisor;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.jss.advisor.Estimate;
import dev.jobsuccess.jss.advisor.FirstScore;
import dev.jobsuccess.jss.advisor.Forecast;
import dev.jobsuccess.jss.advisor.Reason;
import dev.jobsuccess.jss.advisor.RecoveryPlanner;
import dev.jobsuccess.jss.advisor.Sweep;
import dev.jobsuccess.jss.advisor.TopRatedProgress;

/**
 * The advisor's answers (domain.md §d.6 questions 4 and 6 to 9), one shape for a freelancer's facts and for the stateless
 * form; the stateless form has no {@code freelancerId}. Where the caller may not learn a score, it is null and
 * {@code range} says what it can be.
 */
public final class Advice {

    private Advice() {
    }

    /** A score as the caller may know it: {@code jss} and {@code range} are never both set. */
    public record Score(Integer jss, Estimate.Range range, Band band, Window selectedWindow) {
        static Score of(Estimate e) {
            return e == null ? null : new Score(e.jss(), e.range(), e.band(), e.selectedWindow());
        }
    }

    /**
     * @param reasons each with its {@code kind}: LEAVES_WINDOW (contractId, window), INCLUSION_CHANGE (contractId, from,
     *                to), SCORE_CHANGE (from, to), BAND_CHANGE (from, to), TOP_RATED_ELIGIBILITY (eligible), NO_SCORE (reason)
     */
    public record ForecastPoint(LocalDate date, Integer jss, Estimate.Range range, Band band, Window selectedWindow,
                                Boolean topRatedEligible,
                                @Schema(description = "Why this point differs from the one before; each names its kind")
                                List<Reason> reasons) {
        static ForecastPoint of(Forecast.Point p) {
            Estimate e = p.estimate();
            return new ForecastPoint(p.date(), e.jss(), e.range(), e.band(), e.selectedWindow(), e.topRatedEligible(),
                    p.reasons());
        }
    }

    /** @param determined whether every point's score is exact (false: some are ranges) */
    public record ForecastAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate from,
                                 LocalDate until, boolean determined, List<ForecastPoint> points) {
        static ForecastAnswer of(String freelancerId, LocalDate from, LocalDate until, List<Forecast.Point> points) {
            return new ForecastAnswer(freelancerId, from, until, points.stream().allMatch(p -> p.estimate().determined()),
                    points.stream().map(ForecastPoint::of).toList());
        }
    }

    /**
     * The new contracts a plan adds: each with a new client, paid its {@code netEarningsCents} once on its end, lasting
     * {@code durationDays}, rated {@code privateRecommend} privately; the first ends on {@code firstEndDate}, each next one
     * {@code intervalDays} later.
     */
    public record NewContracts(
            @Schema(description = "Net earnings of each, in cents (0 to 100000000)") Long netEarningsCents,
            @Schema(description = "Days each runs (0 to 3650); default 30") Integer durationDays,
            @Schema(description = "Each client's private rating (0 to 10); default 10") Integer privateRecommend,
            @Schema(description = "The first one's end date: from the start date to 24 months after; default the start date")
            LocalDate firstEndDate,
            @Schema(description = "Days between two ends (0 to 730); default 0, all on one day") Integer intervalDays) {}

    /**
     * @param contracts the smallest number of new contracts (0: already there); null when not reachable
     * @param date when the target is met: the start date for 0, else the end of the last new contract
     * @param score the score on that date; for a freelancer the target is met whatever their clients' private feedback
     * @param impossibleReason IMPOSSIBLE_WITHIN_WINDOWS (the contracts would end past the 24-month window) or
     *                         MORE_THAN_MAX_CONTRACTS
     */
    public record PlanAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate from, int target,
                             boolean reachable, Integer contracts, LocalDate date, Score score, String impossibleReason) {
        static PlanAnswer of(String freelancerId, LocalDate from, RecoveryPlanner.Plan plan) {
            return new PlanAnswer(freelancerId, from, plan.target(), plan.reachable(), plan.contracts(), plan.date(),
                    Score.of(plan.estimate()), plan.impossibleReason());
        }
    }

    /** @param difference after − before, when both are exact scores */
    public record SweepRow(int priorContracts, Score before, Score after, Integer difference) {
        static SweepRow of(Sweep.Row r) {
            return new SweepRow(r.priorContracts(), Score.of(r.before()), Score.of(r.after()), r.difference());
        }
    }

    public record SweepAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate asOf,
                              long priorNetEarningsCents, List<SweepRow> rows) {}

    /** @param jss the published score now (a freelancer's) or the engine's (stateless) */
    public record FirstScoreAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate asOf, Integer jss,
                                   int minCountedContracts, int minDistinctClients, List<FirstScore.WindowNeed> windows,
                                   List<FirstScore.ContractCount> contracts) {
        static FirstScoreAnswer of(String freelancerId, Integer jss, FirstScore.Answer a) {
            return new FirstScoreAnswer(freelancerId, a.asOf(), jss, a.minCountedContracts(), a.minDistinctClients(),
                    a.windows(), a.contracts());
        }
    }

    public record TopRatedAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate asOf,
                                 Integer currentJss, int eligibleWeeks, int weeksConsidered, int weeksRequired,
                                 int weeksStillNeeded, LocalDate earliestWeeksMetOn, long gross12mCents,
                                 long requiredGross12mCents, boolean topRated, List<TopRatedProgress.Blocker> blockers) {
        static TopRatedAnswer of(String freelancerId, TopRatedProgress.Progress p) {
            return new TopRatedAnswer(freelancerId, p.asOf(), p.currentJss(), p.eligibleWeeks(), p.weeksConsidered(),
                    p.weeksRequired(), p.weeksStillNeeded(), p.earliestWeeksMetOn(), p.gross12mCents(),
                    p.requiredGross12mCents(), p.topRated(), p.blockers());
        }
    }

    /**
     * @param inclusion null when the client's private feedback decides it and the caller may not see it
     * @param countsUntil the last day it stays long-term eligible with no new payment; null when not eligible now
     * @param ifClosedToday the score if it ended today with the feedback it has (without feedback it stops counting)
     * @param difference ifClosedToday − now, when both are exact scores
     */
    public record OpenContract(String contractId, ContractStatus status, LocalDate startedAt, long daysOpen,
                               boolean longTermEligible, Inclusion inclusion, Integer weightQ, long fullPeriods,
                               long paidPeriods, LocalDate latestPayment, LocalDate currentPeriodEnds,
                               boolean currentPeriodPaid, LocalDate countsUntil, Score now, Score ifClosedToday,
                               Integer difference) {}

    public record LongTermAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String freelancerId, LocalDate asOf,
                                 List<OpenContract> contracts) {}
}
