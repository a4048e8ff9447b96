package dev.jobsuccess.score.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one freelancer that a score is computed from.
 *
 * @param contracts the freelancer's contracts, closed ones in the order they ended, then open ones (each then by id)
 * @param weeklyScores the displayed score of each recorded Sunday snapshot
 */
public record FreelancerFacts(String freelancerId, List<ContractFacts> contracts, Map<LocalDate, Integer> weeklyScores) {

    public FreelancerFacts {
        contracts = List.copyOf(contracts);
        weeklyScores = Map.copyOf(weeklyScores);
    }

    public ContractFacts contract(String contractId) {
        return contracts.stream().filter(c -> c.contractId().equals(contractId)).findFirst().orElse(null);
    }
}
