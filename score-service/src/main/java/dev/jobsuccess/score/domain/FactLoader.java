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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;

/**
 * Reads the stored facts of many freelancers at once (a few queries per call, whatever their number)
 * and merges them per contract: closed contracts, and open ones known from contract-started and
 * contract-payment-recorded.
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
        Map<String, ContractStartFact> starts = ContractStartFact.ofFreelancers(freelancerIds).stream()
                .collect(toMap(s -> s.contractId, Function.identity()));
        Map<String, ContractPaymentFact> openPayments = ContractPaymentFact.ofFreelancers(freelancerIds).stream()
                .collect(toMap(p -> p.contractId, Function.identity()));
        // A close always wins over the open facts, whatever order they arrived in: an ended contract never reopens.
        Set<String> closed = contracts.stream().map(c -> c.contractId).collect(toSet());
        Set<String> open = new TreeSet<>();
        starts.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);
        openPayments.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);
        Set<String> clients = new HashSet<>(contracts.stream().map(c -> c.clientId).toList());
        for (String contractId : open) {
            clients.add(starts.containsKey(contractId) ? starts.get(contractId).clientId : openPayments.get(contractId).clientId);
        }
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
            List<Instant> payments = adjusted ? adjustment.paymentInstants : c.paymentInstants;
            byFreelancer.computeIfAbsent(c.freelancerId, k -> new ArrayList<>()).add(new ContractFacts(c.contractId, c.clientId,
                    c.status, utcDate(c.startedAt), utcDate(c.endedAt), c.endedBy, c.endReasonCode,
                    adjusted ? adjustment.netEarningsCents : c.netEarningsCents,
                    payments.stream().map(FactLoader::utcDate).sorted().toList(),
                    adjusted ? adjustment.disputeOutcome : c.disputeOutcome,
                    adjusted ? adjustment.adjustmentCause : null,
                    endFacts(endFeedback.get(c.contractId), c.contractId, revealedFeedback, closedWindows),
                    periodicFacts(periodic, c.contractId), flaggedClients.contains(c.clientId),
                    removedContracts.contains(c.contractId)));
        }
        for (String contractId : open) {
            // Open: ACTIVE with no money until a payment report says otherwise. The report carries the start too,
            // so a contract whose contract-started is late (or was never published) is still known.
            ContractStartFact start = starts.get(contractId);
            ContractPaymentFact payment = openPayments.get(contractId);
            String freelancerId = start != null ? start.freelancerId : payment.freelancerId;
            String clientId = start != null ? start.clientId : payment.clientId;
            byFreelancer.computeIfAbsent(freelancerId, k -> new ArrayList<>()).add(new ContractFacts(contractId, clientId,
                    payment == null ? ContractStatus.ACTIVE : payment.status,
                    utcDate(start != null ? start.startedAt : payment.startedAt), null, null, null,
                    payment == null ? 0 : payment.netEarningsCents,
                    payment == null ? List.of() : payment.paymentInstants.stream().map(FactLoader::utcDate).sorted().toList(),
                    DisputeOutcome.NONE, null,
                    endFacts(endFeedback.get(contractId), contractId, revealedFeedback, closedWindows),
                    periodicFacts(periodic, contractId), flaggedClients.contains(clientId), removedContracts.contains(contractId)));
        }
        for (String freelancerId : freelancerIds) {
            List<ContractFacts> own = new ArrayList<>(byFreelancer.getOrDefault(freelancerId, List.of()));
            own.sort(Comparator.comparing(ContractFacts::endedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ContractFacts::contractId));
            out.put(freelancerId, new FreelancerFacts(freelancerId, own, weekly.getOrDefault(freelancerId, Map.of())));
        }
        return out;
    }

    private static FeedbackFacts endFacts(ClientFeedbackFact end, String contractId, Set<String> revealedFeedback,
                                          Set<String> closedWindows) {
        return end == null ? null : new FeedbackFacts(end.feedbackId, end.privateRecommend, end.publicOverall,
                end.privateEndReason, end.submittedAt,
                revealedFeedback.contains(end.feedbackId) || closedWindows.contains(contractId));
    }

    /** Mid-contract feedback, oldest first; whether it counts is the model's decision (periodic_feedback_counts). */
    private static List<FeedbackFacts> periodicFacts(Map<String, List<PeriodicFeedbackFact>> periodic, String contractId) {
        return periodic.getOrDefault(contractId, List.of()).stream()
                .sorted(Comparator.comparing((PeriodicFeedbackFact f) -> f.submittedAt).thenComparing(f -> f.feedbackId))
                .map(f -> new FeedbackFacts(f.feedbackId, f.privateRecommend, f.publicOverall, null, f.submittedAt, true))
                .toList();
    }

    /** domain.md §d.0: a date is the UTC calendar date of an instant. */
    public static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
