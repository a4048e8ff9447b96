package dev.jobsuccess.contract.timers;

import java.time.Instant;

import dev.jobsuccess.contract.contract.Contract;

/**
 * One timer of domain.md §d.1. A rule knows, in SQL, which contracts have it due (so one pass finds every
 * contract with anything due in a single query), and, on one locked contract, its earliest due action.
 * Both halves live in the rule so they cannot drift apart.
 */
interface TimerRule {

    /**
     * A {@code SELECT contract_id, due} of every timer of this rule due at or before {@code ?1} (the pass's
     * instant, a timestamp); {@link ContractTimers} unions the rules' queries.
     */
    String dueSql();

    /** The rule's earliest action due on the (locked) contract at or before {@code now}, or null when none is. */
    DueTimer next(Contract c, Instant now);
}
