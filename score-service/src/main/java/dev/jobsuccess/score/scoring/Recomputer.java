package dev.jobsuccess.score.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.commons.tracing.InboundTraces;
import dev.jobsuccess.commons.tracing.Tracers;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.facts.ContractFacts;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.messaging.ScoreEvents;

/**
 * Recomputes scores from the stored facts, never from the last score and a delta: the one place a published score
 * is written, and score-changed announced. Many freelancers at once: their rows are locked, their facts read and
 * their new scores, history and events written in a few statements, whatever their number.
 */
@ApplicationScoped
public class Recomputer {

    private static final Logger LOG = Logger.getLogger(Recomputer.class);

    /** How a recompute treats badges and the weekly record. */
    public enum Mode {
        /** Score only; badges stay as the last snapshot evaluated them (§d.3.9: evaluated at each snapshot). */
        SCORE,
        /** A snapshot: score, badges, the Sunday's weekly score; never moves a score back to an earlier date. */
        SNAPSHOT
    }

    /** One freelancer's score before and after a recompute. */
    public record Recomputed(String freelancerId, StoredScore before, StoredScore after, boolean announced) {
    }

    private final FactLoader loader;
    private final ScoreRows scoreRows;
    private final ScoreModel model;
    private final ScoreEvents events;
    private final Outbox outbox;
    private final PrivateFeedbackRanges ranges;
    private final Clock clock;
    private final int freelancersPerLoad;
    private final Tracer tracer;

    Recomputer(FactLoader loader, ScoreRows scoreRows, ScoreModel model, PrivateFeedbackRanges ranges, ScoreEvents events,
               Outbox outbox, Clock clock, ScoreConfig config, Tracers tracers) {
        this.tracer = tracers.get("dev.jobsuccess.score");
        this.loader = loader;
        this.scoreRows = scoreRows;
        this.model = model;
        this.ranges = ranges;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.freelancersPerLoad = config.freelancersPerLoad();
    }

    /**
     * Locks the freelancers' score rows (in id order), recomputes each at {@code asOf}, stores it and writes
     * score-changed to the outbox when the score, its window, its band or a badge changed. All or nothing.
     *
     * @throws RecomputeFailedException when some freelancer's facts cannot be scored; nothing was written, and the
     *                                   transaction may go on (the rows stay locked)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RecomputeFailedException.class)
    public List<Recomputed> recompute(Collection<String> freelancerIds, LocalDate asOf, Mode mode,
                                      Function<String, ChangeCause> causes) {
        SortedSet<String> ids = new TreeSet<>(freelancerIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, ScoreRow> rows = scoreRows.lock(ids, now);
        Changes changes = new Changes();
        Map<String, String> failed = new LinkedHashMap<>();
        List<Recomputed> out = new ArrayList<>(ids.size());
        List<String> ordered = List.copyOf(ids);
        for (int from = 0; from < ordered.size(); from += freelancersPerLoad) {
            List<String> group = ordered.subList(from, Math.min(ordered.size(), from + freelancersPerLoad));
            // Read after the locks: a recompute that waited sees every fact the one before it committed.
            Map<String, FreelancerFacts> facts = loader.load(group, asOf);
            for (String freelancerId : group) {
                try {
                    out.add(recomputeOne(rows.get(freelancerId), facts.get(freelancerId), asOf, mode,
                            causes.apply(freelancerId), now, changes));
                } catch (RuntimeException e) {
                    failed.put(freelancerId, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new RecomputeFailedException(failed);
        }
        scoreRows.updateAll(changes.rows);
        scoreRows.appendHistory(changes.history);
        outbox.publishAll(changes.events);
        if (!changes.weekly.isEmpty()) {
            scoreRows.recordWeekly(asOf, changes.weekly, now);
        }
        return out;
    }

    /**
     * Like {@link #recompute}, but a freelancer whose facts cannot be scored is left out: their published score stays,
     * marked stale, and the others are recomputed. For the snapshot and the rebuild, which must not stop at one
     * freelancer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recomputed> recomputeSkippingFailures(Collection<String> freelancerIds, LocalDate asOf, Mode mode,
                                                      Function<String, ChangeCause> causes) {
        SortedSet<String> ids = new TreeSet<>(freelancerIds);
        while (true) {
            try {
                return recompute(ids, asOf, mode, causes);
            } catch (RecomputeFailedException e) {
                e.reasonsByFreelancer().forEach((freelancerId, reason) -> {
                    LOG.warnf("freelancer %s left out of the %s as of %s, score kept and marked stale: %s", freelancerId,
                            mode == Mode.SNAPSHOT ? "snapshot" : "recompute", asOf, reason);
                    scoreRows.markStale(freelancerId, null, reason, clock.instant());
                    ids.remove(freelancerId);
                });
            }
        }
    }

    /** What a recompute would give, without locking, storing or announcing anything (rebuild's dry run). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recomputed> preview(Collection<String> freelancerIds, LocalDate asOf) {
        SortedSet<String> ids = new TreeSet<>(freelancerIds);
        Map<String, FreelancerFacts> facts = loader.load(ids, asOf);
        Map<String, ScoreRow> rows = scoreRows.readAll(ids);
        List<Recomputed> out = new ArrayList<>(ids.size());
        for (String freelancerId : ids) {
            ScoreRow row = rows.get(freelancerId);
            StoredScore before = row != null && row.computed() ? row.stored() : null;
            JssResult result = model.compute(model.records(facts.get(freelancerId), Visibility.PUBLISHED), asOf);
            out.add(new Recomputed(freelancerId, before, new StoredScore(result.jss(), result.selectedWindow(),
                    result.band(), result.windows(), asOf), false));
        }
        return out;
    }

    /** What a recompute writes, gathered to be written at once. */
    private static final class Changes {
        final List<ScoreRow> rows = new ArrayList<>();
        final List<ScoreRows.HistoryEntry> history = new ArrayList<>();
        final List<OutgoingEvent> events = new ArrayList<>();
        final Map<String, Integer> weekly = new LinkedHashMap<>();
    }

    private Recomputed recomputeOne(ScoreRow row, FreelancerFacts facts, LocalDate asOf, Mode mode, ChangeCause cause,
                                    Instant now, Changes changes) {
        boolean computedBefore = row.computed();
        StoredScore before = computedBefore ? row.stored() : null;
        List<ContractRecord> records = model.records(facts, Visibility.PUBLISHED);
        JssResult result = model.compute(records, asOf);
        if (mode == Mode.SNAPSHOT && ScoreModel.isSunday(asOf) && result.jss() != null) {
            changes.weekly.put(row.freelancerId(), result.jss());
        }
        if (mode == Mode.SNAPSHOT && computedBefore && row.asOf().isAfter(asOf)) {
            // A catch-up of a past day: the score already reflects a later date and stays as it is.
            return new Recomputed(row.freelancerId(), before, before, false);
        }
        ScoreSnapshot previous = row.snapshot();
        NoScoreReason reason = result.jss() != null ? null
                : facts.contracts().isEmpty() ? NoScoreReason.NO_CONTRACTS : NoScoreReason.NOT_ENOUGH_CONTRACTS;
        ScoreRow next = row.withResult(result, reason, asOf, now);
        if (mode == Mode.SNAPSHOT) {
            Integer shown = result.jss();
            next = next.withBadges(model.badges(facts, records, result, asOf,
                    sunday -> facts.weeklyScores().getOrDefault(sunday, sunday.equals(asOf) ? shown : null)), asOf, now);
        }
        if (cause.trigger() == Trigger.REBUILD) {
            next = next.fresh();
        }
        changes.rows.add(next);
        ScoreSnapshot current = next.snapshot();
        boolean announced = !previous.equals(current);
        if (announced) {
            UUID eventId = UUID.randomUUID();
            Set<String> inclusionPrivate = new HashSet<>();
            for (ContractFacts c : facts.contracts()) {
                if (model.privatelyDecided(c) && ranges.inclusionTellsPrivateClass(model.publicRecord(c), asOf)) {
                    inclusionPrivate.add(c.contractId());
                }
            }
            ScoreChange change = new ScoreChange(row.freelancerId(), asOf, now, cause, previous, current, result.windows(),
                    result.contracts(), next.eligibleWeeksLast16(), inclusionPrivate);
            // In the trace of the event that caused the change (the request's, for a removal or a hold): score-changed
            // carries it on, through the relay's header, to its consumers.
            changes.events.add(InboundTraces.within(cause.eventId(), () -> {
                Span span = tracer.spanBuilder("score recompute").setAttribute("jobsuccess.freelancer_id", row.freelancerId())
                        .setAttribute("jobsuccess.score_changed.event_id", eventId.toString()).startSpan();
                try (Scope ignored = span.makeCurrent()) {
                    return events.scoreChanged(eventId, change);
                } finally {
                    span.end();
                }
            }));
            changes.history.add(new ScoreRows.HistoryEntry(next, previous, cause, eventId));
            if (LOG.isDebugEnabled()) {
                LOG.debugf("freelancer %s: jss %s (%s) %s -> %s (%s) %s, %s %s", row.freelancerId(), previous.jss(),
                        previous.selectedWindow(), previous.badges(), current.jss(), current.selectedWindow(),
                        current.badges(), cause.trigger(),
                        cause.eventId() != null ? cause.eventType() + " " + cause.eventId() : cause.snapshotDate());
            }
        }
        return new Recomputed(row.freelancerId(), before, next.stored(), announced);
    }
}
