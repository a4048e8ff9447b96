package dev.jobsuccess.score.scoring;

import dev.jobsuccess.jss.JssParams;

/**
 * Why a freelancer has no score. Deliberately coarse: saying which contracts are missing a class
 * would tell a reader which client left negative private feedback (domain.md §d.4 privacy).
 */
public enum NoScoreReason {
    /** No ended contract of the freelancer is known. */
    NO_CONTRACTS,
    /** Contracts are known, but no window holds enough counted ones (domain.md §d.3.5 minimums). */
    NOT_ENOUGH_CONTRACTS;

    /** A sentence for people, starting with the code so that programs can match it. */
    public String explanation(JssParams params) {
        return name() + ": " + switch (this) {
            case NO_CONTRACTS -> "no ended contract of this freelancer is known yet";
            case NOT_ENOUGH_CONTRACTS -> "a window needs " + params.minCountedContracts() + " counted contracts from "
                    + params.minDistinctClients() + " distinct clients";
        };
    }
}
