package dev.jobsuccess.score.explanation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.score.explanation.Explanation.DecidedBy;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FeedbackFacts;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.messaging.ScoreEvents;
import dev.jobsuccess.score.scoring.PrivateFeedbackRanges;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreRow;
import dev.jobsuccess.score.scoring.ScoreRows;
import dev.jobsuccess.score.scoring.Visibility;

/** Builds {@link Explanation}s from the stored facts; reads only. */
@ApplicationScoped
public class ExplanationService {

    private final FactLoader loader;
    private final ScoreRows scoreRows;
    private final ScoreModel model;
    private final PrivateFeedbackRanges ranges;
    private final Clock clock;

    ExplanationService(FactLoader loader, ScoreRows scoreRows, ScoreModel model, PrivateFeedbackRanges ranges, Clock clock) {
        this.loader = loader;
        this.scoreRows = scoreRows;
        this.model = model;
        this.ranges = ranges;
        this.clock = clock;
    }

    /**
     * @param platform PLATFORM sees each contract's real class and impact and its stored feedback, private rating included;
     *                 anyone else what the public facts and the published windows determine
     */
    @Transactional
    public Explanation explain(String freelancerId, boolean platform) {
        LocalDate asOf = model.effectiveDate(FactLoader.utcDate(clock.instant()));
        FreelancerFacts facts = loader.load(List.of(freelancerId), asOf).get(freelancerId);
        List<ContractRecord> records = model.records(facts, Visibility.PUBLISHED);
        JssRequest request = new JssRequest(asOf, model.params(), records);
        JssResult result = JssEngine.compute(request);
        Set<String> undisclosed = new LinkedHashSet<>();
        facts.contracts().stream().filter(model::privatelyDecided).forEach(c -> undisclosed.add(c.contractId()));
        List<Explanation.ContractExplanation> contracts = platform
                ? platformView(facts, records, request, result, undisclosed)
                : publicView(facts, result, undisclosed, asOf);
        ScoreRow stored = scoreRows.read(freelancerId).orElse(null);
        return new Explanation(freelancerId, model.label(), asOf, result.jss(), result.selectedWindow(), result.band(), result.windows(),
                stored == null ? List.of() : stored.badges(), contracts);
    }

    private List<Explanation.ContractExplanation> platformView(FreelancerFacts facts, List<ContractRecord> records,
                                                               JssRequest request, JssResult result, Set<String> undisclosed) {
        Map<String, Integer> without = JssEngine.jssWithout(request);
        JssResult allResult = model.compute(model.records(facts, Visibility.ALL), request.asOf());
        List<Explanation.ContractExplanation> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ContractRecord r = records.get(i);
            ContractResult c = result.contracts().get(i);
            Integer jssWithout = without.get(r.contractId());
            FeedbackFacts end = facts.contracts().get(i).endFeedback();
            Explanation.FeedbackDetail detail = new Explanation.FeedbackDetail(end != null, end != null && end.revealed(),
                    end == null ? null : end.privateRecommend(), end == null ? null : end.publicOverall(),
                    end == null ? null : end.privateEndReason(), allResult.contracts().get(i).satisfaction());
            out.add(new Explanation.ContractExplanation(r.contractId(), r.clientId(), r.startedAt(), r.endedAt(),
                    r.netEarningsCents(), undisclosed.contains(r.contractId()) ? DecidedBy.PRIVATE_FEEDBACK : DecidedBy.PUBLIC_FACTS,
                    c.inclusion(), c.outcome(), c.weightQ(), ScoreEvents.weightJobs(c.weightQ(), model.params()),
                    c.outcomeDate(), c.windows(), true, jssWithout, minus(result.jss(), jssWithout), detail));
        }
        return out;
    }

    private List<Explanation.ContractExplanation> publicView(FreelancerFacts facts, JssResult result, Set<String> undisclosed,
                                                             LocalDate asOf) {
        List<ContractRecord> publicRecords = facts.contracts().stream().map(model::publicRecord).toList();
        List<ConsistentAssignments.ContractRange> contracts = ranges.explain(publicRecords, undisclosed, result.windows(), asOf);
        List<Explanation.ContractExplanation> out = new ArrayList<>();
        for (int i = 0; i < publicRecords.size(); i++) {
            ContractRecord r = publicRecords.get(i);
            ConsistentAssignments.ContractRange range = contracts.get(i);
            // Weight, outcome date and windows come from amounts and dates: what the contract has if it counts.
            ContractResult ifCounted = model.compute(List.of(ranges.ifCounted(r)), asOf).contracts().getFirst();
            boolean mayCount = ifCounted.inclusion() == Inclusion.COUNTED;
            Integer jssWithout = range.jssWithoutDetermined() ? range.jssWithout() : null;
            out.add(new Explanation.ContractExplanation(r.contractId(), r.clientId(), r.startedAt(), r.endedAt(),
                    r.netEarningsCents(), range.determined() ? DecidedBy.PUBLIC_FACTS : DecidedBy.PRIVATE_FEEDBACK,
                    range.inclusion(), range.outcome(), mayCount ? ifCounted.weightQ() : null,
                    mayCount ? ScoreEvents.weightJobs(ifCounted.weightQ(), model.params()) : null,
                    mayCount ? ifCounted.outcomeDate() : null, mayCount ? ifCounted.windows() : List.of(),
                    range.jssWithoutDetermined(), jssWithout,
                    range.jssWithoutDetermined() ? minus(result.jss(), jssWithout) : null, null));
        }
        return out;
    }

    private static Integer minus(Integer a, Integer b) {
        return a == null || b == null ? null : a - b;
    }
}
