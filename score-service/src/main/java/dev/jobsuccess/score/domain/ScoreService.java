package dev.jobsuccess.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.commons.inbox.Inbox;
import dev.jobsuccess.jss.Window;

/**
 * Owns the consumers' transactions. A batch of consumed events is applied in one transaction: each event
 * once (inbox), each stored as a fact of its own; then every freelancer the batch touched is recomputed once,
 * from all stored facts, never from the events alone: so events may come in any order, and the score is
 * what the facts say.
 */
@ApplicationScoped
public class ScoreService {

    /** This service's name in the inbox. */
    static final String CONSUMER = "score-service";
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    /** An event of a batch that was refused, and why; the caller sends it to the dead-letter topic. */
    public record Rejected(int index, String reason) {
    }

    private final Inbox inbox;
    private final Clock clock;
    private final FactStore facts;
    private final Recomputer recomputer;
    private final ScoreModel model;

    ScoreService(Inbox inbox, Clock clock, FactStore facts, Recomputer recomputer, ScoreModel model) {
        this.inbox = inbox;
        this.clock = clock;
        this.facts = facts;
        this.recomputer = recomputer;
        this.model = model;
    }

    /**
     * Applies the batch in order and recomputes each touched freelancer once at the end, naming as cause
     * the last event of the batch that touched them. Under BIWEEKLY_SUNDAY, facts are only stored.
     *
     * @return the events refused because they contradict stored facts (no effect, no inbox row)
     */
    @Transactional
    public List<Rejected> applyBatch(List<IncomingFact> batch) {
        Instant now = clock.instant();
        Map<String, EventCause> touched = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingFact incoming = batch.get(i);
            Optional<String> conflict = facts.conflict(incoming.fact(), incoming.cause());
            if (conflict.isPresent()) {
                rejected.add(new Rejected(i, conflict.get()));
                continue;
            }
            if (!inbox.firstDelivery(CONSUMER, incoming.cause().eventId(), incoming.cause().eventType())) {
                LOG.debugf("event %s already applied", incoming.cause().eventId());
                continue;
            }
            for (String freelancerId : facts.store(incoming.fact(), incoming.cause(), now)) {
                touched.remove(freelancerId);
                touched.put(freelancerId, incoming.cause());
            }
        }
        if (model.schedule().recomputesOnEvents() && !touched.isEmpty()) {
            recomputer.recompute(touched.keySet(), model.effectiveDate(FactLoader.utcDate(now)), Recomputer.Mode.SCORE,
                    freelancerId -> ChangeCause.event(touched.get(freelancerId)));
        }
        return rejected;
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

    /** A page of the freelancer's score changes, newest first. */
    @Transactional
    public HistoryPage history(String freelancerId, int page, int size) {
        return new HistoryPage(ScoreHistoryEntry.countOf(freelancerId), ScoreHistoryEntry.page(freelancerId, page, size));
    }

    /** Some of a freelancer's score changes, and how many there are in all. */
    public record HistoryPage(long totalItems, List<ScoreHistoryEntry> entries) {}

    /** The freelancer's latest score; every id is a valid freelancer, those without facts simply have none. */
    @Transactional
    public PublishedScore publishedScore(String freelancerId) {
        FreelancerScore score = FreelancerScore.findById(freelancerId);
        if (score == null || !score.computed()) {
            Map<Window, Integer> none = new EnumMap<>(Window.class);
            for (Window window : Window.values()) {
                none.put(window, null);
            }
            return new PublishedScore(freelancerId, null, null, null, none, FactLoader.utcDate(clock.instant()), null,
                    NoScoreReason.NO_CONTRACTS, List.of(), null);
        }
        return new PublishedScore(score.freelancerId, score.jss, score.selectedWindow, score.band, score.windows(),
                score.asOf, score.computedAt, score.noScoreReason, score.snapshot().badges(), score.eligibleWeeksLast16);
    }
}
