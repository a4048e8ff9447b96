package dev.jobsuccess.score.explanation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.score.facts.ContractFacts;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FeedbackFacts;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.messaging.ScoreEvents;
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
    private final Clock clock;

    ExplanationService(FactLoader loader, ScoreRows scoreRows, ScoreModel model, Clock clock) {
        this.loader = loader;
        this.scoreRows = scoreRows;
        this.model = model;
        this.clock = clock;
    }

    /** @param withFeedbackDetail PLATFORM only: add each contract's stored feedback, private rating included */
    @Transactional
    public Explanation explain(String freelancerId, boolean withFeedbackDetail) {
        LocalDate asOf = model.effectiveDate(FactLoader.utcDate(clock.instant()));
        FreelancerFacts facts = loader.load(List.of(freelancerId), asOf).get(freelancerId);
        List<ContractRecord> records = model.records(facts, Visibility.PUBLISHED);
        JssRequest request = new JssRequest(asOf, model.params(), records);
        JssResult result = JssEngine.compute(request);
        Map<String, Integer> without = JssEngine.jssWithout(request);
        List<ContractRecord> allRecords = withFeedbackDetail ? model.records(facts, Visibility.ALL) : List.of();
        JssResult allResult = withFeedbackDetail ? model.compute(allRecords, asOf) : null;
        List<Explanation.ContractExplanation> contracts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ContractRecord r = records.get(i);
            ContractResult c = result.contracts().get(i);
            Integer jssWithout = without.get(r.contractId());
            Integer impact = result.jss() == null || jssWithout == null ? null : result.jss() - jssWithout;
            Explanation.FeedbackDetail detail = null;
            if (withFeedbackDetail) {
                ContractFacts f = facts.contracts().get(i);
                FeedbackFacts end = f.endFeedback();
                detail = new Explanation.FeedbackDetail(end != null, end != null && end.revealed(),
                        end == null ? null : end.privateRecommend(), end == null ? null : end.publicOverall(),
                        end == null ? null : end.privateEndReason(), allResult.contracts().get(i).satisfaction());
            }
            contracts.add(new Explanation.ContractExplanation(r.contractId(), r.clientId(), r.startedAt(), r.endedAt(),
                    r.netEarningsCents(), c.inclusion(), c.outcome(), c.weightQ(), ScoreEvents.weightJobs(c.weightQ(), model.params()),
                    c.outcomeDate(), c.windows(), jssWithout, impact, detail));
        }
        ScoreRow stored = scoreRows.read(freelancerId).orElse(null);
        return new Explanation(freelancerId, asOf, result.jss(), result.selectedWindow(), result.band(), result.windows(),
                stored == null ? List.of() : stored.badges(), contracts);
    }
}
