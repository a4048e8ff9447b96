package dev.jobsuccess.score.scoring;

import java.util.Set;

import dev.jobsuccess.jss.Badge;

/** The badges of one snapshot, and how many of the last weeks counted toward Top Rated. */
public record BadgeEvaluation(Set<Badge> badges, int eligibleWeeks) {

    public BadgeEvaluation {
        badges = Set.copyOf(badges);
    }
}
