package dev.jobsuccess.score.advisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.BadgeInput;
import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Satisfaction;
import dev.jobsuccess.jss.advisor.FirstScore;
import dev.jobsuccess.jss.advisor.Forecast;
import dev.jobsuccess.jss.advisor.LongTermContracts;
import dev.jobsuccess.jss.advisor.RecoveryPlanner;
import dev.jobsuccess.jss.advisor.Sweep;
import dev.jobsuccess.jss.advisor.TopRatedProgress;
import dev.jobsuccess.score.facts.AccountHoldPeriod;
import dev.jobsuccess.score.facts.ContractFacts;
import dev.jobsuccess.score.facts.Earning;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.scoring.PrivateFeedbackRanges;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.Visibility;

/**
 * The advisor on a freelancer's real facts (domain.md §d.6 questions 4 and 6 to 9). The pure functions of
 * {@code dev.jobsuccess.jss.advisor} decide the dates, candidates and plans; each score they look at comes from
 * {@link ViewerScores}, so the freelancer gets exactly what the what-if would tell them, ranges where their clients'
 * private feedback decides. Reads only: stores, locks and emits nothing.
 */
@ApplicationScoped
public class AdvisorService {

    private final ViewerScores scores;
    private final ScoreModel model;
    private final PrivateFeedbackRanges ranges;

    AdvisorService(ViewerScores scores, ScoreModel model, PrivateFeedbackRanges ranges) {
        this.scores = scores;
        this.model = model;
        this.ranges = ranges;
    }

    /**
     * The score from {@code from} (default today) for {@code months}, at each date something changes.
     *
     * @throws ProblemException 400 for a {@code from} before today or beyond the what-if's reach
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.ForecastAnswer forecast(String freelancerId, LocalDate from, int months, boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        LocalDate start = from == null ? k.today() : from;
        if (start.isBefore(k.today())) {
            throw ProblemException.badRequest("from", "must not be before today (" + k.today() + "): a forecast looks ahead");
        }
        LocalDate latest = k.today().plusDays(model.config().limits().whatIfDaysAhead());
        if (start.isAfter(latest)) {
            throw ProblemException.badRequest("from", "must not be after " + latest);
        }
        LocalDate until = start.plusMonths(months);
        List<Forecast.Point> points = Forecast.project(new JssRequest(start, model.params(), scores.markable(k)), until, true,
                storedChangeDates(k), date -> scores.estimate(k, k.known(), date, true));
        return Advice.ForecastAnswer.of(freelancerId, start, until, points);
    }

    /**
     * Dates only the stored facts know: a hold's start and the day it stops blocking Top Rated, and the day each
     * earning leaves the 12 months Top Rated counts (a day either side, for the instants' UTC dates).
     */
    private static List<LocalDate> storedChangeDates(KnownFacts k) {
        List<LocalDate> dates = new ArrayList<>();
        for (AccountHoldPeriod hold : k.facts().accountHolds()) {
            dates.add(FactLoader.utcDate(hold.startsAt()));
            if (hold.endsAt() != null) {
                LocalDate end = FactLoader.utcDate(hold.endsAt());
                for (int d = 89; d <= 92; d++) {
                    dates.add(end.plusDays(d));
                }
            }
        }
        for (ContractFacts c : k.facts().contracts()) {
            for (Earning e : c.earnings() == null ? List.<Earning>of() : c.earnings()) {
                dates.add(Forecast.exitDate(FactLoader.utcDate(e.at()), 12));
            }
        }
        return dates;
    }

    /** The smallest number of new contracts that brings the score to {@code target} for sure, from today. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.PlanAnswer plan(String freelancerId, int target, Advice.NewContracts newContracts, boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        RecoveryPlanner.NewContracts rule = AdvisorQuestions.newContracts(newContracts, k.today());
        RecoveryPlanner.Plan plan = RecoveryPlanner.plan(target, rule, k.today(), model.config().limits().advisorPlanContracts(),
                (added, date) -> scores.estimate(k, plus(k.known(), added), date, false));
        return Advice.PlanAnswer.of(freelancerId, k.today(), plan);
    }

    /** One change against the freelancer's facts plus N prior successful contracts of one size, for each N. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.SweepAnswer sweep(String freelancerId, long priorNetEarningsCents, List<Integer> counts, ContractRecord change,
                                    boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        if (k.known().stream().anyMatch(r -> r.contractId().equals(change.contractId()))) {
            throw ProblemException.badRequest("change.contractId", "is already one of the freelancer's contracts");
        }
        List<Sweep.Row> rows = Sweep.sweep(counts, priorNetEarningsCents, k.today(), (priors, withChange) -> {
            List<ContractRecord> after = plus(k.known(), priors);
            return scores.estimate(k, withChange ? plus(after, List.of(change)) : after, k.today(), false);
        });
        return new Advice.SweepAnswer(freelancerId, k.today(), priorNetEarningsCents, rows.stream().map(Advice.SweepRow::of).toList());
    }

    /**
     * What each window still needs for a score, and which contracts count. A contract whose counting its client's private
     * feedback decides, and the published score does not settle, is listed as undecided, never as counted or not.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.FirstScoreAnswer firstScore(String freelancerId, boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        List<ContractRecord> records = new ArrayList<>(k.known());
        Set<String> undecided = new HashSet<>();
        if (!k.undisclosed().isEmpty()) {
            Map<String, ConsistentAssignments.ContractRange> known = new HashMap<>();
            ranges.explain(k.known(), k.undisclosed(), k.published().windows(), k.today())
                    .forEach(r -> known.put(r.contractId(), r));
            for (int i = 0; i < records.size(); i++) {
                ContractRecord r = records.get(i);
                ConsistentAssignments.ContractRange range = known.get(r.contractId());
                if (!k.undisclosed().contains(r.contractId()) || range == null) {
                    continue;
                }
                Set<Inclusion> inclusions = EnumSet.noneOf(Inclusion.class);
                for (Satisfaction p : range.privateClasses()) {
                    inclusions.add(model.compute(List.of(ConsistentAssignments.withPrivateClass(r, p)), k.today())
                            .contracts().getFirst().inclusion());
                }
                if (inclusions.size() == 1) {
                    // Every private class the published score allows gives the same inclusion (the outcome may differ,
                    // and is not shown): any of them tells it.
                    records.set(i, ConsistentAssignments.withPrivateClass(r, range.privateClasses().iterator().next()));
                } else {
                    records.set(i, ranges.ifCounted(r));
                    undecided.add(r.contractId());
                }
            }
        }
        FirstScore.Answer answer = FirstScore.of(new JssRequest(k.today(), model.params(), records), undecided);
        // Whether a window is computable today is published (its value, or none): where undecided contracts leave it open
        // above, the published windows settle it.
        List<FirstScore.WindowNeed> windows = new ArrayList<>();
        for (FirstScore.WindowNeed w : answer.windows()) {
            boolean computable = k.published().windows().get(w.window()) != null;
            windows.add(new FirstScore.WindowNeed(w.window(), w.firstDay(), computable, w.countedContracts(),
                    w.distinctClients(), computable ? 0 : w.missingContracts(), computable ? 0 : w.missingClients(),
                    w.countedContractIds(), w.undecidedContractIds()));
        }
        return Advice.FirstScoreAnswer.of(freelancerId, k.published().jss(), new FirstScore.Answer(answer.asOf(), answer.jss(),
                answer.minCountedContracts(), answer.minDistinctClients(), windows, answer.contracts()));
    }

    /** Top Rated's conditions today from the published weekly scores, earnings and holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.TopRatedAnswer topRatedProgress(String freelancerId, boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        List<ContractRecord> records = model.records(k.facts(), Visibility.PUBLISHED);
        JssResult published = k.published();
        BadgeInput input = model.badgeInput(k.facts(), records, published, k.today(), sunday -> {
            Integer recorded = k.facts().weeklyScores().get(sunday);
            // Today's Sunday before its snapshot ran: the published score is what it will record.
            return recorded == null && sunday.equals(k.today()) ? published.jss() : recorded;
        });
        return Advice.TopRatedAnswer.of(freelancerId, TopRatedProgress.of(input, model.badgeParams()));
    }

    /** Each open contract under the long-term rule, and the score if it were closed today. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Advice.LongTermAnswer longTermContracts(String freelancerId, boolean platform) {
        KnownFacts k = scores.load(freelancerId, platform);
        List<LongTermContracts.OpenContract> open = LongTermContracts.of(new JssRequest(k.today(), model.params(), k.known()),
                (records, date) -> scores.estimate(k, records, date, false));
        List<Advice.OpenContract> out = new ArrayList<>();
        for (LongTermContracts.OpenContract c : open) {
            // Mid-contract private feedback (when it counts) may decide how it counts: then only the public facts show.
            boolean hidden = k.undisclosed().contains(c.contractId());
            out.add(new Advice.OpenContract(c.contractId(), c.status(), c.startedAt(), c.daysOpen(), c.longTermEligible(),
                    hidden ? null : c.inclusion(), hidden ? null : c.weightQ(), c.fullPeriods(), c.paidPeriods(),
                    c.latestPayment(), c.currentPeriodEnds(), c.currentPeriodPaid(), c.countsUntil(),
                    Advice.Score.of(c.now()), Advice.Score.of(c.ifClosedToday()), c.difference()));
        }
        return new Advice.LongTermAnswer(freelancerId, k.today(), out);
    }

    private static List<ContractRecord> plus(List<ContractRecord> records, List<ContractRecord> added) {
        List<ContractRecord> all = new ArrayList<>(records);
        all.addAll(added);
        return all;
    }
}
