package dev.jobsuccess.score.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.Weighting;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.scoring.ModelLabel;
import dev.jobsuccess.score.scoring.ScoreChange;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreSnapshot;

/** Turns score changes into score-changed events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ScoreEvents {

    private static final BigDecimal QUARTERS_PER_JOB = BigDecimal.valueOf(4);

    private final ScoreConfig config;
    private final ModelLabel label;

    ScoreEvents(ScoreConfig config, ScoreModel model) {
        this.config = config;
        this.label = model.label();
    }

    /** The event announcing this change, keyed by the freelancer, for the outbox. */
    public OutgoingEvent scoreChanged(UUID eventId, ScoreChange change) {
        var windows = change.windows();
        List<Badge> before = change.previous().badges();
        List<Badge> after = change.current().badges();
        var event = new ScoreChangedEvent(eventId, ScoreChangedEvent.TYPE, ScoreChangedEvent.SCHEMA_VERSION,
                change.computedAt(), change.freelancerId(), change.asOf(), change.cause().trigger(),
                new ScoreChangedEvent.Cause(change.cause().eventId(), change.cause().eventType(), change.cause().snapshotDate()),
                new ScoreChangedEvent.Model(config.formula().name(), config.weighting().name(), config.modelVersion(),
                        label.label()),
                score(change.previous()), score(change.current()),
                new ScoreChangedEvent.Windows(windows.get(Window.W24), windows.get(Window.W12), windows.get(Window.W6),
                        windows.get(Window.W3), windows.get(Window.TRENDING)),
                change.contracts().stream().map(c -> contract(c, change.inclusionPrivate().contains(c.contractId()),
                        config.weighting())).toList(),
                new ScoreChangedEvent.Badges(before, after, after.stream().filter(b -> !before.contains(b)).toList(),
                        before.stream().filter(b -> !after.contains(b)).toList()),
                change.eligibleWeeksLast16());
        return new OutgoingEvent(ScoreChangedEvent.TOPIC, change.freelancerId(), eventId, ScoreChangedEvent.TYPE, event);
    }

    private static ScoreChangedEvent.Score score(ScoreSnapshot snapshot) {
        return new ScoreChangedEvent.Score(snapshot.jss(), snapshot.selectedWindow(), snapshot.band());
    }

    /**
     * Only inclusion and weight: the outcome class is not public, and neither is an inclusion that would tell it (a $0
     * contract counts only when NEGATIVE).
     */
    private static ScoreChangedEvent.ContractEntry contract(ContractResult result, boolean inclusionPrivate, Weighting weighting) {
        if (inclusionPrivate) {
            return new ScoreChangedEvent.ContractEntry(result.contractId(), ScoreChangedEvent.DECIDED_BY_PRIVATE_FEEDBACK, null);
        }
        return new ScoreChangedEvent.ContractEntry(result.contractId(), result.inclusion().name(),
                weightJobs(result.weightQ(), weighting));
    }

    /**
     * The weight in jobs: quarter-units / 4, exact (1, 1.25, 1.5, ...). Under LINEAR_DOLLARS the engine weighs in
     * whole dollars, which is not a number of jobs, so null.
     */
    static BigDecimal weightJobs(Integer weightQ, Weighting weighting) {
        if (weightQ == null || weighting == Weighting.LINEAR_DOLLARS) {
            return null;
        }
        return BigDecimal.valueOf(weightQ).divide(QUARTERS_PER_JOB);
    }

    /** Exposed for the API, which shows the same weight in jobs. */
    public static BigDecimal weightJobs(Integer weightQ, JssParams params) {
        return weightJobs(weightQ, params.withDefaults().weighting());
    }
}
