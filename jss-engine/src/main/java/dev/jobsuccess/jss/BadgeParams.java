package dev.jobsuccess.jss;

import java.util.Map;
import java.util.Objects;

/**
 * The badge thresholds of domain.md §d.7.
 *
 * @param topRatedMinJss the score a week, and the current snapshot, need
 * @param eligibleWeeksRequired eligible weeks needed among the last {@code weeksConsidered}
 * @param topRatedMin12mCents 12-month gross earnings Top Rated needs (at least)
 * @param trpMin12mCents 12-month gross earnings Top Rated Plus must exceed (strictly)
 * @param largeContractThresholdCents 12-month earnings that make a contract "large" (at least), in a category
 *                                    without a threshold of its own
 * @param largeContractThresholdByCategory the thresholds of categories that have their own (§d.3.9:
 *                                         {@code large_contract_threshold_cents(category)})
 */
public record BadgeParams(int topRatedMinJss, int eligibleWeeksRequired, int weeksConsidered,
                          long topRatedMin12mCents, long trpMin12mCents, long largeContractThresholdCents,
                          Map<String, Long> largeContractThresholdByCategory) {

    private static final BadgeParams DEFAULTS = new BadgeParams(90, 13, 16, 100_000L, 1_000_000L, 500_000L);

    public BadgeParams {
        largeContractThresholdByCategory = Map.copyOf(Objects.requireNonNull(largeContractThresholdByCategory,
                "largeContractThresholdByCategory"));
    }

    /** One threshold for every category. */
    public BadgeParams(int topRatedMinJss, int eligibleWeeksRequired, int weeksConsidered, long topRatedMin12mCents,
                       long trpMin12mCents, long largeContractThresholdCents) {
        this(topRatedMinJss, eligibleWeeksRequired, weeksConsidered, topRatedMin12mCents, trpMin12mCents,
                largeContractThresholdCents, Map.of());
    }

    public static BadgeParams defaults() {
        return DEFAULTS;
    }

    /** The 12-month earnings that make a contract of this category large; a null or unlisted category gets the default. */
    public long largeContractThresholdCents(String category) {
        return category == null ? largeContractThresholdCents
                : largeContractThresholdByCategory.getOrDefault(category, largeContractThresholdCents);
    }
}
