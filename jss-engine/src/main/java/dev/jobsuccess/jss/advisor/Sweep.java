package dev.jobsuccess.jss.advisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;

/**
 * The same change against histories of different lengths (domain.md §d.6 question 4: "How much does one bad review hurt
 * me with 7 contracts vs 56?"): for each N, the score with N prior successful contracts of one size, without and with
 * the change, and the difference. The law of averages in numbers.
 */
public final class Sweep {

    /** How long each prior contract ran: short enough to earn no length bonus, so every prior weighs its size's tier. */
    static final int PRIOR_DAYS = 30;

    private Sweep() {
    }

    /**
     * @param before the score with the N priors only
     * @param after with the priors and the change
     * @param difference after − before when both are determined scores, else null
     */
    public record Row(int priorContracts, Estimate before, Estimate after, Integer difference) {}

    /** N prior successful contracts of {@code netEarningsCents}, each with its own client, all ended on {@code endedOn}. */
    public static List<ContractRecord> priors(int n, long netEarningsCents, LocalDate endedOn) {
        List<ContractRecord> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            out.add(new ContractRecord("prior-" + k, "prior-client-" + k, ContractStatus.ENDED, endedOn.minusDays(PRIOR_DAYS),
                    endedOn, netEarningsCents, netEarningsCents > 0 ? List.of(endedOn) : List.of(), 10, null, null, null,
                    false, false));
        }
        return out;
    }

    /**
     * @param estimate the score with these priors, and with the change or not, as the viewer may know it
     */
    public static List<Row> sweep(List<Integer> counts, long netEarningsCents, LocalDate asOf,
                                  BiFunction<List<ContractRecord>, Boolean, Estimate> estimate) {
        List<Row> rows = new ArrayList<>();
        for (int n : counts) {
            List<ContractRecord> priors = priors(n, netEarningsCents, asOf);
            Estimate before = estimate.apply(priors, false);
            Estimate after = estimate.apply(priors, true);
            Integer difference = before.determined() && after.determined() && before.jss() != null && after.jss() != null
                    ? after.jss() - before.jss() : null;
            rows.add(new Row(n, before, after, difference));
        }
        return rows;
    }

    /** The sweep over the request's contracts (at {@code request.asOf()}) and a new contract as the change, exactly. */
    public static List<Row> sweep(JssRequest request, ContractRecord change, long netEarningsCents, List<Integer> counts) {
        JssEngine.validate(request);
        return sweep(counts, netEarningsCents, request.asOf(), (priors, withChange) -> {
            List<ContractRecord> all = new ArrayList<>(request.contracts());
            all.addAll(priors);
            if (withChange) {
                all.add(change);
            }
            return Estimate.exact(JssEngine.compute(new JssRequest(request.asOf(), request.params(), all)), null);
        });
    }
}
