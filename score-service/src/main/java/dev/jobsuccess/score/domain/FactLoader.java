package dev.jobsuccess.score.domain;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads the stored facts of many freelancers at once (a few queries per call, whatever their number)
 * and merges them per contract.
 */
@ApplicationScoped
public class FactLoader {

    /** Weekly snapshots older than this cannot matter: Top Rated looks at 16 weeks at most. */
    private static final int WEEKS_KEPT_IN_VIEW = 20;

    /** The facts of each freelancer, in the order given; freelancers without facts get empty ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, FreelancerFacts> load(Collection<String> freelancerIds, LocalDate asOf) {
        Map<String, FreelancerFacts> out = new LinkedHashMap<>();
        if (freelancerIds.isEmpty()) {
            return out;
        }
        List<ContractFact> contracts = ContractFact.ofFreelancers(freelancerIds);
        Map<String, ContractAdjustmentFact> adjustments = ContractAdjustmentFact.ofFreelancers(freelancerIds).stream()
                .collect(toMap(a -> a.contractId, Function.identity()));
        Map<String, ClientFeedbackFact> endFeedback = ClientFeedbackFact.ofFreelancers(freelancerIds).stream()
                .collect(toMap(f -> f.contractId, Function.identity()));
        Map<String, List<PeriodicFeedbackFact>> periodic = PeriodicFeedbackFact.ofFreelancers(freelancerIds).stream()
                .collect(groupingBy(f -> f.contractId));
        Set<String> revealedFeedback = FeedbackRevealFact.ofFreelancers(freelancerIds).stream().map(r -> r.feedbackId)
                .collect(toSet());
        Set<String> closedWindows = FeedbackWindowFact.ofFreelancers(freelancerIds).stream().map(w -> w.contractId)
                .collect(toSet());
        Set<String> clients = contracts.stream().map(c -> c.clientId).collect(toSet());
        Set<String> flaggedClients = clients.isEmpty() ? Set.of() : ClientFlagFact.ofClients(clients).stream()
                .filter(f -> f.flagged).map(f -> f.clientId).collect(toSet());
        Set<String> removedContracts = FeedbackRemoval.ofFreelancers(freelancerIds).stream()
                .filter(FeedbackRemoval::removesFromScore).map(r -> r.contractId).collect(toSet());
        Map<String, Map<LocalDate, Integer>> weekly = new HashMap<>();
        for (WeeklyScore w : WeeklyScore.ofFreelancers(freelancerIds, asOf.minusWeeks(WEEKS_KEPT_IN_VIEW))) {
            weekly.computeIfAbsent(w.key.freelancerId, k -> new HashMap<>()).put(w.key.weekDate, w.jss);
        }

        Map<String, List<ContractFacts>> byFreelancer = new HashMap<>();
        for (ContractFact c : contracts) {
            ContractAdjustmentFact adjustment = adjustments.get(c.contractId);
            // The adjustment reports later money, unless the close was published again after it.
            boolean adjusted = adjustment != null && !adjustment.occurredAt.isBefore(c.occurredAt);
            ClientFeedbackFact end = endFeedback.get(c.contractId);
            FeedbackFacts endFacts = end == null ? null : new FeedbackFacts(end.feedbackId, end.privateRecommend,
                    end.publicOverall, end.privateEndReason, end.submittedAt,
                    revealedFeedback.contains(end.feedbackId) || closedWindows.contains(c.contractId));
            List<FeedbackFacts> periodicFacts = periodic.getOrDefault(c.contractId, List.of()).stream()
                    .sorted(Comparator.comparing((PeriodicFeedbackFact f) -> f.submittedAt).thenComparing(f -> f.feedbackId))
                    .map(f -> new FeedbackFacts(f.feedbackId, f.privateRecommend, f.publicOverall, null, f.submittedAt, true))
                    .toList();
            List<Instant> payments = adjusted ? adjustment.paymentInstants : c.paymentInstants;
            byFreelancer.computeIfAbsent(c.freelancerId, k -> new ArrayList<>()).add(new ContractFacts(c.contractId, c.clientId,
                    utcDate(c.startedAt), utcDate(c.endedAt), c.endedBy, c.endReasonCode,
                    adjusted ? adjustment.netEarningsCents : c.netEarningsCents,
                    payments.stream().map(FactLoader::utcDate).sorted().toList(),
                    adjusted ? adjustment.disputeOutcome : c.disputeOutcome,
                    adjusted ? adjustment.adjustmentCause : null,
                    endFacts, periodicFacts, flaggedClients.contains(c.clientId), removedContracts.contains(c.contractId)));
        }
        for (String freelancerId : freelancerIds) {
            List<ContractFacts> own = new ArrayList<>(byFreelancer.getOrDefault(freelancerId, List.of()));
            own.sort(Comparator.comparing(ContractFacts::endedAt).thenComparing(ContractFacts::contractId));
            out.put(freelancerId, new FreelancerFacts(freelancerId, own, weekly.getOrDefault(freelancerId, Map.of())));
        }
        return out;
    }

    /** domain.md §d.0: a date is the UTC calendar date of an instant. */
    public static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
