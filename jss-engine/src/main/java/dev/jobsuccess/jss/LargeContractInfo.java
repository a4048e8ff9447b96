package dev.jobsuccess.jss;

/**
 * What Top Rated Plus needs to know about one contract.
 *
 * @param earnings12mCents the contract's earnings over the last 12 months
 * @param hasNegativeOutcome whether the contract's outcome is NEGATIVE
 * @param earnedInLast12m whether the contract earned anything in the last 12 months
 * @param category the contract's category, which may have its own large-contract threshold; null when unknown
 */
public record LargeContractInfo(String contractId, long earnings12mCents, boolean hasNegativeOutcome,
                                boolean earnedInLast12m, String category) {

    /** A contract of no known category: the default threshold applies. */
    public LargeContractInfo(String contractId, long earnings12mCents, boolean hasNegativeOutcome, boolean earnedInLast12m) {
        this(contractId, earnings12mCents, hasNegativeOutcome, earnedInLast12m, null);
    }
}
