package dev.jobsuccess.score.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.scoring.Trigger;

/**
 * The score-changed event, as docs/events/score-changed.schema.json defines it. Public data only:
 * per contract its inclusion and weight, never its outcome class, which may come from a private rating.
 */
public record ScoreChangedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                String freelancerId, LocalDate asOf, Trigger trigger, Cause cause, Model model,
                                Score previous, Score current, Windows windows, List<ContractEntry> contracts,
                                Badges badges, Integer eligibleWeeksLast16) {

    public static final String TOPIC = "score-changed";
    public static final String TYPE = "score.changed";
    public static final int SCHEMA_VERSION = 1;

    /** What moved the score: the consumed event (or request), or the snapshot date of a scheduled recompute or rebuild. */
    public record Cause(UUID eventId, String eventType, LocalDate snapshotDate) {}

    /** @param label says the score is this system's model of a Job Success Score, not a marketplace's own */
    public record Model(String formula, String weighting, String version, String label) {}

    public record Score(Integer jss, Window selectedWindow, Band band) {}

    public record Windows(@JsonProperty("W24") Integer w24, @JsonProperty("W12") Integer w12,
                          @JsonProperty("W6") Integer w6, @JsonProperty("W3") Integer w3,
                          @JsonProperty("TRENDING") Integer trending) {}

    /** @param weightJobs the weight in jobs (quarter-units / 4), null unless counted */
    /** @param status an {@link Inclusion}, or {@link #DECIDED_BY_PRIVATE_FEEDBACK} where the inclusion would tell it */
    public record ContractEntry(String contractId, String status, BigDecimal weightJobs) {}

    public static final String DECIDED_BY_PRIVATE_FEEDBACK = "DECIDED_BY_PRIVATE_FEEDBACK";

    public record Badges(List<Badge> previous, List<Badge> current, List<Badge> gained, List<Badge> lost) {}
}
