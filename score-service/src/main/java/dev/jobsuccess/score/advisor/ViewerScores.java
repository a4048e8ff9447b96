package dev.jobsuccess.score.advisor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.advisor.Estimate;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.scoring.PrivateFeedbackRanges;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.Visibility;

/**
 * A freelancer's score at a date, with hypothetical contracts, as the caller may know it: the what-if's machinery
 * (domain.md §d.2 rule 7). PLATFORM gets the one result; the freelancer every result consistent with the published
 * score and the public facts, shown exactly where they agree and as a range where they do not. Reads only.
 */
@ApplicationScoped
class ViewerScores {

    private final FactLoader loader;
    private final ScoreModel model;
    private final PrivateFeedbackRanges ranges;
    private final Clock clock;

    ViewerScores(FactLoader loader, ScoreModel model, PrivateFeedbackRanges ranges, Clock clock) {
        this.loader = loader;
        this.model = model;
        this.ranges = ranges;
        this.clock = clock;
    }

    /** The date the published score is as of now. */
    LocalDate today() {
        return model.effectiveDate(FactLoader.utcDate(clock.instant()));
    }

    /** Needs a transaction (the facts are read through it). */
    KnownFacts load(String freelancerId, boolean platform) {
        LocalDate today = today();
        FreelancerFacts facts = loader.load(List.of(freelancerId), today).get(freelancerId);
        List<ContractRecord> published = model.records(facts, Visibility.PUBLISHED);
        Set<String> undisclosed = new LinkedHashSet<>();
        if (!platform) {
            facts.contracts().stream().filter(model::privatelyDecided).forEach(c -> undisclosed.add(c.contractId()));
        }
        List<ContractRecord> known = platform ? published : facts.contracts().stream().map(model::publicRecord).toList();
        return new KnownFacts(freelancerId, facts, today, platform, known, undisclosed, model.compute(published, today));
    }

    /**
     * The records whose window exits a forecast may name to this caller: each undisclosed contract as if its private
     * feedback made it count, so that naming it tells nothing about that feedback.
     */
    List<ContractRecord> markable(KnownFacts k) {
        return k.known().stream().map(r -> k.undisclosed().contains(r.contractId()) ? ranges.ifCounted(r) : r).toList();
    }

    /**
     * The score of {@code after} (the known records, changed or with hypothetical contracts added) at {@code asOf}.
     *
     * @param topRated also whether Top Rated would hold (Sundays after today projected from the same records)
     */
    Estimate estimate(KnownFacts k, List<ContractRecord> after, LocalDate asOf, boolean topRated) {
        Set<String> ids = new HashSet<>();
        after.forEach(r -> ids.add(r.contractId()));
        Set<String> undisclosedAfter = new LinkedHashSet<>(k.undisclosed());
        undisclosedAfter.retainAll(ids);
        List<ConsistentAssignments.Scenario> scenarios = k.undisclosed().isEmpty()
                ? List.of(new ConsistentAssignments.Scenario(Map.of(), Map.of()))
                : ranges.whatIf(k.known(), k.today(), k.undisclosed(), k.published().windows(), after, asOf, undisclosedAfter);
        List<JssResult> results = new ArrayList<>();
        Set<Boolean> topRatedValues = new HashSet<>();
        for (ConsistentAssignments.Scenario scenario : scenarios) {
            List<ContractRecord> records = after.stream().map(r -> undisclosedAfter.contains(r.contractId())
                    && scenario.witness().containsKey(r.contractId())
                    ? ConsistentAssignments.withPrivateClass(r, scenario.witness().get(r.contractId())) : r).toList();
            JssResult result = model.compute(records, asOf);
            results.add(result);
            if (topRated) {
                topRatedValues.add(topRated(k, records, result, asOf));
            }
        }
        Boolean topRatedEligible = topRatedValues.size() == 1 ? topRatedValues.iterator().next() : null;
        JssResult first = results.getFirst();
        boolean determined = results.stream().allMatch(r -> Objects.equals(r.jss(), first.jss())
                && r.selectedWindow() == first.selectedWindow());
        if (determined) {
            return Estimate.exact(first, topRatedEligible);
        }
        List<Integer> scores = results.stream().map(JssResult::jss).toList();
        Integer min = scores.stream().filter(Objects::nonNull).min(Integer::compare).orElse(null);
        Integer max = scores.stream().filter(Objects::nonNull).max(Integer::compare).orElse(null);
        return new Estimate(null, new Estimate.Range(min, max, scores.contains(null)), null, null, topRatedEligible);
    }

    /** Top Rated at {@code asOf}: recorded Sundays as published, later ones projected from these records. */
    private boolean topRated(KnownFacts k, List<ContractRecord> records, JssResult result, LocalDate asOf) {
        Map<LocalDate, Integer> projected = new HashMap<>();
        return model.badges(k.facts(), records, result, asOf, sunday -> {
            Integer recorded = k.facts().weeklyScores().get(sunday);
            if (recorded != null || sunday.isBefore(k.today())) {
                return recorded;
            }
            return sunday.equals(asOf) ? result.jss() : projected.computeIfAbsent(sunday, s -> model.compute(records, s).jss());
        }).badges().contains(Badge.TOP_RATED);
    }
}
