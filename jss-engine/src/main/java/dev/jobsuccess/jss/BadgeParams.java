package dev.jobsuccess.jss;

/**
 * The badge thresholds of domain.md §d.7.
 *
 * @param topRatedMinJss the score a week, and the current snapshot, need
 * @param eligibleWeeksRequired eligible weeks needed among the last {@code weeksConsidered}
 * @param topRatedMin12mCents 12-month gross earnings Top Rated needs (at least)
 * @param trpMin12mCents 12-month gross earnings Top Rated Plus must exceed (strictly)
 * @param largeContractThresholdCents 12-month earnings that make a contract "large" (at least)
 */
public record BadgeParams(int topRatedMinJss, int eligibleWeeksRequired, int weeksConsidered,
                          long topRatedMin12mCents, long trpMin12mCents, long largeContractThresholdCents) {

    private static final BadgeParams DEFAULTS = new BadgeParams(90, 13, 16, 100_000L, 1_000_000L, 500_000L);

    public static BadgeParams defaults() {
        return DEFAULTS;
    }
}
