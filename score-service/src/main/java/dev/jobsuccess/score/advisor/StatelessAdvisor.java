package dev.jobsuccess.score.advisor;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.advisor.Estimate;
import dev.jobsuccess.jss.advisor.FirstScore;
import dev.jobsuccess.jss.advisor.Forecast;
import dev.jobsuccess.jss.advisor.HoldPeriod;
import dev.jobsuccess.jss.advisor.LongTermContracts;
import dev.jobsuccess.jss.advisor.RecoveryPlanner;
import dev.jobsuccess.jss.advisor.Sweep;
import dev.jobsuccess.jss.advisor.TopRatedProgress;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.scoring.ScoreModel;

/**
 * The advisor over contracts the caller gives (the JSON of jss-engine-api.md), as {@code POST /simulations} is for the
 * score: nothing is read or stored, and since the caller supplied every input, every answer is exact. Badge thresholds
 * are the service's.
 */
@ApplicationScoped
public class StatelessAdvisor {

    private final ScoreModel model;

    StatelessAdvisor(ScoreModel model) {
        this.model = model;
    }

    public ScoreConfig.Limits limits() {
        return model.config().limits();
    }

    public Advice.ForecastAnswer forecast(JssRequest request, int months, List<HoldPeriod> holds) {
        JssEngine.validate(request);
        LocalDate until = request.asOf().plusMonths(months);
        return Advice.ForecastAnswer.of(null, request.asOf(), until,
                Forecast.project(request, until, model.badgeParams(), holds));
    }

    public Advice.PlanAnswer plan(JssRequest request, int target, Advice.NewContracts newContracts) {
        JssEngine.validate(request);
        RecoveryPlanner.NewContracts rule = AdvisorQuestions.newContracts(newContracts, request.asOf());
        return Advice.PlanAnswer.of(null, request.asOf(), RecoveryPlanner.plan(request, target, rule,
                limits().advisorPlanContracts()));
    }

    public Advice.SweepAnswer sweep(JssRequest request, long priorNetEarningsCents, List<Integer> counts, ContractRecord change) {
        JssEngine.validate(request);
        List<Sweep.Row> rows = Sweep.sweep(request, change, priorNetEarningsCents, counts);
        return new Advice.SweepAnswer(null, request.asOf(), priorNetEarningsCents, rows.stream().map(Advice.SweepRow::of).toList());
    }

    public Advice.FirstScoreAnswer firstScore(JssRequest request) {
        FirstScore.Answer answer = FirstScore.of(request);
        return Advice.FirstScoreAnswer.of(null, answer.jss(), answer);
    }

    /** Weekly scores are the same contracts at each Sunday: the history they imply. */
    public Advice.TopRatedAnswer topRatedProgress(JssRequest request, List<HoldPeriod> holds) {
        JssResult now = JssEngine.compute(request);
        Map<LocalDate, Integer> weekly = new HashMap<>();
        Function<LocalDate, Integer> weeklyJss = sunday -> weekly.computeIfAbsent(sunday,
                s -> JssEngine.compute(new JssRequest(s, request.params(), request.contracts())).jss());
        return Advice.TopRatedAnswer.of(null, TopRatedProgress.fromContracts(request.contracts(), now.jss(), request.asOf(),
                weeklyJss, holds, model.badgeParams()));
    }

    public Advice.LongTermAnswer longTermContracts(JssRequest request) {
        JssParams params = request.params();
        List<LongTermContracts.OpenContract> open = LongTermContracts.of(request,
                (records, date) -> Estimate.exact(JssEngine.compute(new JssRequest(date, params, records)), null));
        return new Advice.LongTermAnswer(null, request.asOf(), open.stream().map(c -> new Advice.OpenContract(c.contractId(),
                c.status(), c.startedAt(), c.daysOpen(), c.longTermEligible(), c.inclusion(), c.weightQ(), c.fullPeriods(),
                c.paidPeriods(), c.latestPayment(), c.currentPeriodEnds(), c.currentPeriodPaid(), c.countsUntil(),
                Advice.Score.of(c.now()), Advice.Score.of(c.ifClosedToday()), c.difference())).toList());
    }
}
