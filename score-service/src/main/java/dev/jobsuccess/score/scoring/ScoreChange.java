package dev.jobsuccess.score.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.Window;

/**
 * A recompute that moved the announced part of a freelancer's score, with what score-changed needs.
 * {@code contracts} carries the engine's full per-contract results; the event picks the public parts.
 *
 * @param eligibleWeeksLast16 null until the freelancer's badges were first evaluated
 * @param inclusionPrivate the contracts whose inclusion would tell their client's private class: the event leaves it out
 */
public record ScoreChange(String freelancerId, LocalDate asOf, Instant computedAt, ChangeCause cause,
                          ScoreSnapshot previous, ScoreSnapshot current, Map<Window, Integer> windows,
                          List<ContractResult> contracts, Integer eligibleWeeksLast16, Set<String> inclusionPrivate) {
}
