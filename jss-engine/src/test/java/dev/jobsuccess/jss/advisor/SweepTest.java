package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssRequest;

class SweepTest {

    @Test
    void oneBadReviewWithSevenContractsVersusFiftySix() {
        // Priors $500 (5 q) each, SUCCESS; the change: one more $500 contract rated 2 privately (NEGATIVE, 5 q).
        ContractRecord bad = Cases.ended("bad", "2025-07-01", 50_000, 2);
        List<Sweep.Row> rows = Sweep.sweep(new JssRequest(date("2025-07-01"), null, List.of()), bad, 50_000,
                List.of(0, 1, 7, 56));
        // 0 priors: no score either way. 1 prior: none before (one contract), 5/10 → 50 after.
        assertEquals(List.of("0 null null null", "1 null 50 null",
                        // 7: 35/35 → 100, then 35/40 → 87 (−13). 56: 280/280 → 100, then 280/285 = 98.2 → 98 (−2).
                        "7 100 87 -13", "56 100 98 -2"),
                rows.stream().map(r -> r.priorContracts() + " " + r.before().jss() + " " + r.after().jss() + " " + r.difference())
                        .toList());
    }

    @Test
    void priorsAreSuccessfulContractsOfTheirOwnClients() {
        List<ContractRecord> priors = Sweep.priors(2, 30_000, date("2025-07-01"));
        assertEquals(List.of("prior-client-1", "prior-client-2"), priors.stream().map(ContractRecord::clientId).toList());
        assertEquals(10, priors.getFirst().privateRecommend());
        assertEquals(date("2025-06-01"), priors.getFirst().startedAt());
    }
}
