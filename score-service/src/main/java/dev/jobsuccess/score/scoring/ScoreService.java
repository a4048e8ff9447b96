package dev.jobsuccess.score.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.Fact;
import dev.jobsuccess.score.facts.FactConflictException;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FactStore;
import dev.jobsuccess.score.facts.IncomingFact;

/**
 * Owns the consumers' transactions. A batch of consumed events is applied in one transaction: each event
 * once (inbox), each stored as a fact of its own; then every freelancer the batch touched is recomputed once,
 * from all stored facts, never from the events alone: so events may come in any order, and the score is
 * what the facts say.
 */
@ApplicationScoped
public class ScoreService {

    /** This service's name in the inbox. */
    public static final String CONSUMER = "score-service";
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    /** An event of a batch that was refused, and why; the caller sends it to the dead-letter topic. */
    public record Rejected(int index, String reason) {
    }

    private final Clock clock;
    private final FactStore facts;
    private final ScoreRows scoreRows;
    private final Recomputer recomputer;
    private final ScoreModel model;
    private final Counter staleMarked;

    ScoreService(Clock clock, FactStore facts, ScoreRows scoreRows, Recomputer recomputer, ScoreModel model,
                 MeterRegistry metrics) {
        this.clock = clock;
        this.facts = facts;
        this.scoreRows = scoreRows;
        this.recomputer = recomputer;
        this.model = model;
        this.staleMarked = Counter.builder("jobsuccess.score.stale.marked")
                .description("scores marked stale because an event of the freelancer was dead-lettered").register(metrics);
    }

    /**
     * Applies the batch in order and recomputes each touched freelancer once at the end, naming as cause
     * the last event of the batch that touched them. Under BIWEEKLY_SUNDAY, facts are only stored.
     *
     * @return the events refused because they contradict stored facts (no effect)
     * @throws FactsUnscorableException when some touched freelancer's facts cannot be scored (nothing is kept)
     */
    @Transactional
    public List<Rejected> applyBatch(List<IncomingFact> batch) {
        Instant now = clock.instant();
        FactStore.Stored stored = facts.store(batch, now);
        Map<String, List<Integer>> touched = stored.touched();
        if (model.schedule().recomputesOnEvents() && !touched.isEmpty()) {
            try {
                recomputer.recompute(touched.keySet(), model.effectiveDate(FactLoader.utcDate(now)), Recomputer.Mode.SCORE,
                        freelancerId -> ChangeCause.event(batch.get(touched.get(freelancerId).getLast()).cause()));
            } catch (RecomputeFailedException e) {
                Map<Integer, String> culprits = new LinkedHashMap<>();
                e.reasonsByFreelancer().forEach((freelancerId, reason) -> touched.get(freelancerId)
                        .forEach(i -> culprits.putIfAbsent(i, "the score of freelancer " + freelancerId
                                + " cannot be computed with this event: " + reason)));
                throw new FactsUnscorableException(culprits);
            }
        }
        return stored.conflicts().stream().map(c -> new Rejected(c.index(), c.reason())).toList();
    }

    /**
     * Applies one event on its own.
     *
     * @throws FactConflictException when it contradicts the stored facts (nothing is stored)
     */
    public void record(EventCause cause, Fact fact) {
        List<Rejected> rejected = applyBatch(List.of(new IncomingFact(cause, fact)));
        if (!rejected.isEmpty()) {
            throw new FactConflictException(rejected.getFirst().reason());
        }
    }

    /** Keeps the freelancer's published score, marked stale: one of their events could not be applied. */
    @Transactional
    public void markStale(String freelancerId, UUID eventId, String reason) {
        scoreRows.markStale(freelancerId, eventId, reason, clock.instant());
        staleMarked.increment();
        LOG.warnf("freelancer %s: score marked stale, event %s was dead-lettered: %s", freelancerId, eventId, reason);
    }

    /** A page of the freelancer's score changes, newest first. */
    @Transactional
    public HistoryPage history(String freelancerId, int page, int size) {
        return new HistoryPage(ScoreHistoryEntry.countOf(freelancerId), ScoreHistoryEntry.page(freelancerId, page, size));
    }

    /** Some of a freelancer's score changes, and how many there are in all. */
    public record HistoryPage(long totalItems, List<ScoreHistoryEntry> entries) {}

    /**
     * The freelancer's latest score; every id is a valid freelancer, those without facts simply have none. One
     * statement, outside any transaction: the busiest read of the service.
     */
    public PublishedScore publishedScore(String freelancerId) {
        return published(freelancerId, scoreRows.read(freelancerId).orElse(null));
    }

    /** The published score if this replica read it lately (no database access); empty otherwise. */
    public Optional<PublishedScore> recentlyPublishedScore(String freelancerId) {
        return scoreRows.remembered(freelancerId).map(row -> published(freelancerId, row));
    }

    private PublishedScore published(String freelancerId, ScoreRow score) {
        if (score == null || !score.computed()) {
            return new PublishedScore(freelancerId, null, null, null, ScoreRow.noWindows(), FactLoader.utcDate(clock.instant()),
                    null, NoScoreReason.NO_CONTRACTS, List.of(), null, score != null && score.stale());
        }
        return new PublishedScore(score.freelancerId(), score.jss(), score.selectedWindow(), score.band(), score.windows(),
                score.asOf(), score.computedAt(), score.noScoreReason(), score.badges(), score.eligibleWeeksLast16(),
                score.stale());
    }
}
