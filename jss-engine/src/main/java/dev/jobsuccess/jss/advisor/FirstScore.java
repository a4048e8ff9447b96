package dev.jobsuccess.jss.advisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;

/**
 * What a first score still needs (domain.md §d.6 question 9: "When will I get my first JSS?"): a window is computable with
 * at least {@code minCountedContracts} counted contracts from {@code minDistinctClients} distinct clients (§d.3.5); for
 * each window, what it holds and what is missing, and which contracts count.
 */
public final class FirstScore {

    private static final List<Window> ROLLING = List.of(Window.W24, Window.W12, Window.W6, Window.W3);

    private FirstScore() {
    }

    /**
     * One rolling window.
     *
     * @param firstDay the window's first day (inclusive)
     * @param computable whether it has the minimum; null when a contract the viewer cannot tell about could decide it
     * @param countedContracts the contracts surely counted in it
     * @param missingContracts how many more counted contracts it needs (at most, when {@code undecidedContractIds} is not
     *                         empty: some of those may count)
     * @param missingClients how many more distinct clients it needs (at most, likewise)
     * @param undecidedContractIds contracts in it whose counting their clients' private feedback decides
     */
    public record WindowNeed(Window window, LocalDate firstDay, Boolean computable, int countedContracts, int distinctClients,
                             int missingContracts, int missingClients, List<String> countedContractIds,
                             List<String> undecidedContractIds) {}

    /**
     * One contract.
     *
     * @param inclusion null when the viewer cannot tell
     * @param windows the rolling windows it lies in if it counts
     */
    public record ContractCount(String contractId, Inclusion inclusion, boolean privateFeedbackDecides, LocalDate outcomeDate,
                                List<Window> windows) {}

    /**
     * @param jss the displayed score now when every contract is decided, else null
     */
    public record Answer(LocalDate asOf, Integer jss, int minCountedContracts, int minDistinctClients, List<WindowNeed> windows,
                         List<ContractCount> contracts) {}

    /** Every contract decided: the request's records as they are. */
    public static Answer of(JssRequest request) {
        return of(request, Set.of());
    }

    /**
     * @param undecided contracts whose counting the viewer cannot tell; the request gives each as it would be if it
     *                  counted, so that its windows are known
     */
    public static Answer of(JssRequest request, Set<String> undecided) {
        JssResult result = JssEngine.compute(request);
        JssParams params = request.params() == null ? JssParams.defaults() : request.params().withDefaults();
        List<WindowNeed> windows = new ArrayList<>();
        for (Window w : ROLLING) {
            List<String> counted = new ArrayList<>();
            List<String> open = new ArrayList<>();
            Set<String> clients = new HashSet<>();
            for (int i = 0; i < result.contracts().size(); i++) {
                ContractResult c = result.contracts().get(i);
                if (c.inclusion() != Inclusion.COUNTED || !c.windows().contains(w)) {
                    continue;
                }
                if (undecided.contains(c.contractId())) {
                    open.add(c.contractId());
                } else {
                    counted.add(c.contractId());
                    clients.add(request.contracts().get(i).clientId());
                }
            }
            int missingContracts = Math.max(0, params.minCountedContracts() - counted.size());
            int missingClients = Math.max(0, params.minDistinctClients() - clients.size());
            boolean sure = missingContracts == 0 && missingClients == 0;
            Boolean computable = sure ? Boolean.TRUE : open.isEmpty() ? Boolean.FALSE : null;
            windows.add(new WindowNeed(w, request.asOf().minusMonths(w.months()), computable, counted.size(), clients.size(),
                    missingContracts, missingClients, counted, open));
        }
        List<ContractCount> contracts = new ArrayList<>();
        for (ContractResult c : result.contracts()) {
            boolean privately = undecided.contains(c.contractId());
            contracts.add(new ContractCount(c.contractId(), privately ? null : c.inclusion(), privately, c.outcomeDate(),
                    c.windows()));
        }
        return new Answer(request.asOf(), undecided.isEmpty() ? result.jss() : null, params.minCountedContracts(),
                params.minDistinctClients(), windows, contracts);
    }
}
