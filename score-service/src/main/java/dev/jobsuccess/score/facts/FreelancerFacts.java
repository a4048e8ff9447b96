package dev.jobsuccess.score.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one freelancer that a score is computed from.
 *
 * @param contracts the freelancer's contracts, closed ones in the order they ended, then open ones (each then by id)
 * @param weeklyScores the displayed score of each recorded Sunday snapshot
 * @param accountHolds the account holds placed on the freelancer, lifted or not
 */
public record FreelancerFacts(String freelancerId, List<ContractFacts> contracts, Map<LocalDate, Integer> weeklyScores,
                              List<AccountHoldPeriod> accountHolds) {

    public FreelancerFacts {
        contracts = List.copyOf(contracts);
        weeklyScores = Map.copyOf(weeklyScores);
        accountHolds = List.copyOf(accountHolds);
    }

    /** Whether an account hold covered any instant of the days {@code from} to {@code to}, both included (UTC). */
    public boolean heldBetween(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return accountHolds.stream().anyMatch(h -> h.startsAt().isBefore(end) && (h.endsAt() == null || h.endsAt().isAfter(start)));
    }

    public ContractFacts contract(String contractId) {
        return contracts.stream().filter(c -> c.contractId().equals(contractId)).findFirst().orElse(null);
    }
}
