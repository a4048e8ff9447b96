package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine decided about one contract.
 *
 * @param outcome the class the contract adds to its windows; null unless COUNTED
 * @param weightQ the weight in quarter-jobs (whole dollars under LINEAR_DOLLARS); null unless COUNTED
 * @param satisfaction the classified client satisfaction, whatever the inclusion (engine-internal: it may
 *                     come from private feedback and must not be shown as such)
 * @param longTermEligible whether an open contract counts under the long-term rule (always false for ENDED)
 * @param outcomeDate the date that places the contract in windows: the end date of an ENDED contract, the
 *                    latest payment of a long-term-eligible open one, otherwise null
 * @param windows the windows among W24, W12, W6, W3 that this counted contract lies in, longest first
 */
public record ContractResult(String contractId, Inclusion inclusion, Outcome outcome, Integer weightQ,
                             Satisfaction satisfaction, boolean longTermEligible, LocalDate outcomeDate,
                             List<Window> windows) {

    public ContractResult {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
