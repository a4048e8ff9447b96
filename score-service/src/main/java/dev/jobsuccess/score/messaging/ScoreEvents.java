package dev.jobsuccess.score.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.domain.ScoreChange;
import dev.jobsuccess.score.domain.ScoreModel;
import dev.jobsuccess.score.domain.ScoreSnapshot;

/** Turns score changes into score-changed events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ScoreEvents {

    private static final BigDecimal QUARTERS_PER_JOB = BigDecimal.valueOf(4);

    private final Outbox outbox;

    ScoreEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Writes the event for this change and returns its id. */
    public UUID scoreChanged(ScoreChange change) {
        UUID eventId = UUID.randomUUID();
        var windows = change.windows();
        var event = new ScoreChangedEvent(eventId, ScoreChangedEvent.TYPE, ScoreChangedEvent.SCHEMA_VERSION,
                change.computedAt(), change.freelancerId(), change.asOf(), ScoreChangedEvent.Trigger.EVENT,
                new ScoreChangedEvent.Cause(change.cause().eventId(), change.cause().eventType(), null),
                new ScoreChangedEvent.Model(ScoreModel.PARAMS.formula().name(), ScoreModel.PARAMS.weighting().name(),
                        ScoreModel.VERSION),
                score(change.previous()), score(change.current()),
                new ScoreChangedEvent.Windows(windows.get(Window.W24), windows.get(Window.W12), windows.get(Window.W6),
                        windows.get(Window.W3), windows.get(Window.TRENDING)),
                change.contracts().stream().map(ScoreEvents::contract).toList(),
                // Badges and eligible weeks come with the weekly snapshots (domain.md §d.3.9), not modelled yet.
                new ScoreChangedEvent.Badges(List.of(), List.of()),
                null);
        outbox.publish(new OutgoingEvent(ScoreChangedEvent.TOPIC, change.freelancerId(), eventId, ScoreChangedEvent.TYPE, event));
        return eventId;
    }

    private static ScoreChangedEvent.Score score(ScoreSnapshot snapshot) {
        return new ScoreChangedEvent.Score(snapshot.jss(), snapshot.selectedWindow(), snapshot.band());
    }

    /** Only inclusion and weight: the outcome class is not public. */
    private static ScoreChangedEvent.ContractEntry contract(ContractResult result) {
        // The model weighs in quarter-jobs (TIERED); divided by 4 it is exact: 1, 1.25, 1.5, 1.75, ...
        BigDecimal weightJobs = result.weightQ() == null ? null : BigDecimal.valueOf(result.weightQ()).divide(QUARTERS_PER_JOB);
        return new ScoreChangedEvent.ContractEntry(result.contractId(), result.inclusion(), weightJobs);
    }
}
