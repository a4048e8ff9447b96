package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/**
 * What anyone may know of a freelancer's score: no contract detail, no rating.
 *
 * @param computedAt null when nothing was ever computed for the freelancer
 * @param noScoreReason why {@code jss} is null; null when there is a score
 */
public record PublishedScore(String freelancerId, Integer jss, Window selectedWindow, Band band,
                             Map<Window, Integer> windows, LocalDate asOf, Instant computedAt,
                             NoScoreReason noScoreReason) {
}
