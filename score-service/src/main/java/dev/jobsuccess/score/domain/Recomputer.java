package dev.jobsuccess.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.score.messaging.ScoreEvents;

/**
 * Recomputes scores from the stored facts, never from the last score and a delta: the one place a
 * published score is written, and score-changed announced.
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
    private final ScoreModel model;
    private final ScoreEvents events;
    private final Clock clock;

    Recomputer(FactLoader loader, ScoreModel model, ScoreEvents events, Clock clock) {
        this.loader = loader;
        this.model = model;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Locks the freelancers' score rows (in id order), recomputes each at {@code asOf}, stores it and writes
     * score-changed to the outbox when the score, its window, its band or a badge changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recomputed> recompute(Collection<String> freelancerIds, LocalDate asOf, Mode mode,
                                      Function<String, ChangeCause> causes) {
        SortedSet<String> ids = new TreeSet<>(freelancerIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, FreelancerScore> rows = FreelancerScore.lockAll(ids, now);
        // Read after the locks: a recompute that waited sees every fact the one before it committed.
        Map<String, FreelancerFacts> facts = loader.load(ids, asOf);
        List<Recomputed> out = new ArrayList<>(ids.size());
        for (String freelancerId : ids) {
            out.add(recomputeOne(rows.get(freelancerId), facts.get(freelancerId), asOf, mode, causes.apply(freelancerId), now));
        }
        return out;
    }

    /** What a recompute would give, without locking, storing or announcing anything (rebuild's dry run). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recomputed> preview(Collection<String> freelancerIds, LocalDate asOf) {
        SortedSet<String> ids = new TreeSet<>(freelancerIds);
        Map<String, FreelancerFacts> facts = loader.load(ids, asOf);
        List<Recomputed> out = new ArrayList<>(ids.size());
        for (String freelancerId : ids) {
            FreelancerScore row = FreelancerScore.findById(freelancerId);
            StoredScore before = row == null || !row.computed() ? null : row.stored();
            JssResult result = model.compute(model.records(facts.get(freelancerId), Visibility.PUBLISHED), asOf);
            out.add(new Recomputed(freelancerId, before, stored(result, asOf), false));
        }
        return out;
    }

    private Recomputed recomputeOne(FreelancerScore row, FreelancerFacts facts, LocalDate asOf, Mode mode, ChangeCause cause,
                                    Instant now) {
        boolean computedBefore = row.computed();
        StoredScore before = computedBefore ? row.stored() : null;
        List<ContractRecord> records = model.records(facts, Visibility.PUBLISHED);
        JssResult result = model.compute(records, asOf);
        if (mode == Mode.SNAPSHOT && ScoreModel.isSunday(asOf) && result.jss() != null) {
            WeeklyScore.recordIfAbsent(row.freelancerId, asOf, result.jss(), now);
        }
        if (mode == Mode.SNAPSHOT && computedBefore && row.asOf.isAfter(asOf)) {
            // A catch-up of a past day: the score already reflects a later date and stays as it is.
            return new Recomputed(row.freelancerId, before, before, false);
        }
        ScoreSnapshot previous = row.snapshot();
        NoScoreReason reason = result.jss() != null ? null
                : facts.contracts().isEmpty() ? NoScoreReason.NO_CONTRACTS : NoScoreReason.NOT_ENOUGH_CONTRACTS;
        row.update(result, reason, asOf, now);
        if (mode == Mode.SNAPSHOT) {
            Integer shown = result.jss();
            row.updateBadges(model.badges(records, result, asOf,
                    sunday -> facts.weeklyScores().getOrDefault(sunday, sunday.equals(asOf) ? shown : null)), asOf);
        }
        ScoreSnapshot current = row.snapshot();
        boolean announced = !previous.equals(current);
        if (announced) {
            UUID eventId = events.scoreChanged(new ScoreChange(row.freelancerId, asOf, now, cause, previous, current,
                    result.windows(), result.contracts(), row.eligibleWeeksLast16));
            ScoreHistoryEntry.append(row, previous, cause, eventId);
            LOG.infof("freelancer %s: jss %s (%s) %s -> %s (%s) %s, %s %s", row.freelancerId, previous.jss(),
                    previous.selectedWindow(), previous.badges(), current.jss(), current.selectedWindow(), current.badges(),
                    cause.trigger(), cause.eventId() != null ? cause.eventType() + " " + cause.eventId() : cause.snapshotDate());
        }
        return new Recomputed(row.freelancerId, before, row.stored(), announced);
    }

    private static StoredScore stored(JssResult result, LocalDate asOf) {
        return new StoredScore(result.jss(), result.selectedWindow(), result.band(), result.windows(), asOf);
    }
}
