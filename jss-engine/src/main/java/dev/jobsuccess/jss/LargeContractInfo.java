package dev.jobsuccess.jss;

/**
 * What Top Rated Plus needs to know about one contract.
 *
 * @param earnings12mCents the contract's earnings over the last 12 months
 * @param hasNegativeOutcome whether the contract's outcome is NEGATIVE
 * @param earnedInLast12m whether the contract earned anything in the last 12 months
 */
public record LargeContractInfo(String contractId, long earnings12mCents, boolean hasNegativeOutcome,
                                boolean earnedInLast12m) {
}
