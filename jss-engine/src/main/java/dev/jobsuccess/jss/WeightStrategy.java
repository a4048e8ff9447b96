package dev.jobsuccess.jss;

import java.time.LocalDate;

/**
 * How much one counted contract weighs in its windows. Only the ratio of weights matters to a
 * score, so each strategy picks its own unit (quarter-jobs, or dollars).
 */
@FunctionalInterface
interface WeightStrategy {

    /** The contract's weight at {@code asOf}; always at least 1, so a window's total is never 0. */
    int weightQ(ContractRecord contract, LocalDate asOf);
}
