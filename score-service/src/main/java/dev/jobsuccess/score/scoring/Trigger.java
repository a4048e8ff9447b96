package dev.jobsuccess.score.scoring;

/** What recomputed a score: consumed events, the daily snapshot, or an operator's rebuild. */
public enum Trigger {
    EVENT,
    SCHEDULED_DAILY,
    REBUILD
}
