package dev.jobsuccess.score.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/**
 * What anyone may know of a freelancer's score: no contract detail, no rating.
 *
 * @param computedAt null when nothing was ever computed for the freelancer
 * @param noScoreReason why {@code jss} is null; null when there is a score
 * @param eligibleWeeksLast16 null until the badges were first evaluated at a snapshot
 * @param stale whether an event of this freelancer could not be applied (it was dead-lettered): the score shown is the
 *              last one published before it
 */
public record PublishedScore(String freelancerId, Integer jss, Window selectedWindow, Band band,
                             Map<Window, Integer> windows, LocalDate asOf, Instant computedAt,
                             NoScoreReason noScoreReason, List<Badge> badges, Integer eligibleWeeksLast16,
                             boolean stale) {
}
