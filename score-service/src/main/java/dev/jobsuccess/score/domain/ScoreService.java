package dev.jobsuccess.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.commons.inbox.Inbox;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.messaging.ScoreEvents;

/**
 * Owns the transactions. Each consumed event is applied once (inbox), stored as a fact of its own,
 * and followed by a recompute of the freelancer's score from all stored facts, never from the
 * event alone: so events may come in any order, and the score is what the facts say.
 */
@ApplicationScoped
public class ScoreService {

    /** This service's name in the inbox. */
    static final String CONSUMER = "score-service";
    private static final Logger LOG = Logger.getLogger(ScoreService.class);

    private final Inbox inbox;
    private final Clock clock;
    private final ScoreEvents events;

    ScoreService(Inbox inbox, Clock clock, ScoreEvents events) {
        this.inbox = inbox;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void recordContractClosed(EventCause cause, ClosedContract contract) {
        if (!inbox.firstDelivery(CONSUMER, cause.eventId(), cause.eventType())) {
            LOG.debugf("event %s already applied", cause.eventId());
            return;
        }
        requireSameParties(contract.contractId(), contract.freelancerId(), contract.clientId(), cause);
        Instant now = clock.instant();
        FreelancerScore score = FreelancerScore.lockFor(contract.freelancerId(), ScoreModel.utcDate(now), now);
        ContractFact.recordClosed(contract, cause.eventId(), now);
        recompute(score, cause, now);
    }

    @Transactional
    public void recordClientFeedback(EventCause cause, ClientFeedback feedback) {
        if (!inbox.firstDelivery(CONSUMER, cause.eventId(), cause.eventType())) {
            LOG.debugf("event %s already applied", cause.eventId());
            return;
        }
        requireSameParties(feedback.contractId(), feedback.freelancerId(), feedback.clientId(), cause);
        Instant now = clock.instant();
        FreelancerScore score = FreelancerScore.lockFor(feedback.freelancerId(), ScoreModel.utcDate(now), now);
        ClientFeedbackFact.recordSubmitted(feedback, cause.eventId(), now);
        recompute(score, cause, now);
    }

    /** The freelancer's latest score; every id is a valid freelancer, those without facts simply have none. */
    @Transactional
    public PublishedScore publishedScore(String freelancerId) {
        FreelancerScore score = FreelancerScore.findById(freelancerId);
        if (score == null) {
            Map<Window, Integer> none = new EnumMap<>(Window.class);
            for (Window window : Window.values()) {
                none.put(window, null);
            }
            return new PublishedScore(freelancerId, null, null, null, none, ScoreModel.utcDate(clock.instant()), null,
                    NoScoreReason.NO_CONTRACTS);
        }
        return new PublishedScore(score.freelancerId, score.jss, score.selectedWindow, score.band, score.windows(),
                score.asOf, score.computedAt, score.noScoreReason);
    }

    /**
     * Runs with the freelancer's score row locked, so two recomputes of one freelancer queue up and
     * the later one reads every fact the earlier one committed.
     */
    private void recompute(FreelancerScore score, EventCause cause, Instant now) {
        LocalDate asOf = ScoreModel.utcDate(now);
        List<ContractFact> contracts = ContractFact.ofFreelancer(score.freelancerId);
        JssResult result = ScoreModel.compute(contracts, ClientFeedbackFact.ofFreelancer(score.freelancerId), asOf);
        NoScoreReason reason = result.jss() != null ? null
                : contracts.isEmpty() ? NoScoreReason.NO_CONTRACTS : NoScoreReason.NOT_ENOUGH_CONTRACTS;
        ScoreSnapshot previous = score.snapshot();
        score.update(result, reason, asOf, now);
        ScoreSnapshot current = score.snapshot();
        // Announced only when what readers see moves (domain.md §d.3.7); window values alone do not count.
        if (!previous.equals(current)) {
            UUID eventId = events.scoreChanged(new ScoreChange(score.freelancerId, asOf, now, cause, previous, current,
                    result.windows(), result.contracts()));
            ScoreHistoryEntry.append(score, previous, cause, eventId);
            LOG.infof("freelancer %s: jss %s (%s) -> %s (%s) after %s %s", score.freelancerId, previous.jss(),
                    previous.selectedWindow(), current.jss(), current.selectedWindow(), cause.eventType(), cause.eventId());
        }
    }

    /**
     * A contract's parties never change. An event naming other parties than the facts already
     * stored for its contract is refused rather than allowed to move a score it does not belong to.
     */
    private static void requireSameParties(String contractId, String freelancerId, String clientId, EventCause cause) {
        ContractFact contract = ContractFact.findById(contractId);
        if (contract != null && (!contract.freelancerId.equals(freelancerId) || !contract.clientId.equals(clientId))) {
            throw conflict(contractId, contract.freelancerId, contract.clientId, freelancerId, clientId, cause);
        }
        ClientFeedbackFact feedback = ClientFeedbackFact.findById(contractId);
        if (feedback != null && (!feedback.freelancerId.equals(freelancerId) || !feedback.clientId.equals(clientId))) {
            throw conflict(contractId, feedback.freelancerId, feedback.clientId, freelancerId, clientId, cause);
        }
    }

    private static FactConflictException conflict(String contractId, String storedFreelancer, String storedClient,
                                                  String freelancerId, String clientId, EventCause cause) {
        return new FactConflictException("contract " + contractId + " is between client " + storedClient + " and freelancer "
                + storedFreelancer + ", but " + cause.eventType() + " " + cause.eventId() + " names client " + clientId
                + " and freelancer " + freelancerId);
    }
}
