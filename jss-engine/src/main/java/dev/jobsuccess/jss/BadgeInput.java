package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A freelancer's facts at one snapshot, as the badge rule needs them.
 *
 * @param currentJss the displayed score now, or null
 * @param weeklyJssLast16 the weekly Sunday snapshots' displayed scores, oldest first; null for a week
 *                        without a score. The last entry is the most recent week.
 * @param firstContractStartedAt the start of the freelancer's first contract, or null if none
 * @param gross12mCents gross earnings over the last 12 months
 * @param risingTalent whether the freelancer holds Rising Talent (only possible without a score)
 * @param contracts the contracts that may qualify for Top Rated Plus
 */
public record BadgeInput(Integer currentJss, List<Integer> weeklyJssLast16, LocalDate asOf,
                         LocalDate firstContractStartedAt, long gross12mCents, boolean accountHoldLast90Days,
                         boolean activityLast90Days, boolean risingTalent, List<LargeContractInfo> contracts) {

    public BadgeInput {
        // Weeks without a score are nulls, which List.copyOf would refuse.
        weeklyJssLast16 = weeklyJssLast16 == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(weeklyJssLast16));
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }
}
