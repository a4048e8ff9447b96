package dev.jobsuccess.feedback.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.messaging.FeedbackEvents;

/** Owns the transactions of feedback: each submission is stored and its event written atomically. */
@ApplicationScoped
public class FeedbackService {

    private final Clock clock;
    private final FeedbackEvents events;

    FeedbackService(Clock clock, FeedbackEvents events) {
        this.clock = clock;
        this.events = events;
    }

    /** The client's feedback on the freelancer, accepted once, while the window is open. */
    @Transactional
    public Feedback submitByClient(String contractId, Actor actor, PublicFeedback publicPart, PrivateFeedback privatePart) {
        // The row lock queues concurrent submissions for one contract: the second sees the first and gets 409.
        FeedbackWindow window = FeedbackWindow.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        if (window == null || actor.partyOn(window) != Party.CLIENT) {
            throw ProblemException.notFound("contract", contractId);
        }
        if (Feedback.exists(contractId, Party.CLIENT)) {
            throw ProblemException.conflict("ALREADY_SUBMITTED", "the client has already left feedback on contract " + contractId);
        }
        Instant now = clock.instant();
        if (!window.acceptsSubmissionsAt(now)) {
            throw ProblemException.conflict("WINDOW_CLOSED", "the feedback window of contract " + contractId
                    + " closed at " + window.closesAt);
        }
        Feedback feedback = Feedback.byClient(window, publicPart, privatePart, now);
        feedback.persist();
        events.submitted(feedback, window);
        return feedback;
    }

    /** A contract's feedback for one of its parties or the platform; others learn nothing, not even that it exists. */
    @Transactional
    public ContractFeedback visibleTo(String contractId, Actor actor) {
        FeedbackWindow window = FeedbackWindow.findById(contractId);
        Audience audience = window == null ? null : audienceOf(actor, window);
        if (audience == null) {
            throw ProblemException.notFound("contract", contractId);
        }
        // Double-blind reveal (domain.md §d.2.3) is not modelled yet: each party sees the other's public part once submitted.
        return new ContractFeedback(window, audience, Feedback.onContract(contractId));
    }

    private static Audience audienceOf(Actor actor, FeedbackWindow window) {
        if (actor.platform()) {
            return Audience.PLATFORM;
        }
        Party party = actor.partyOn(window);
        if (party == Party.CLIENT) {
            return Audience.CLIENT;
        }
        if (party == Party.FREELANCER) {
            return Audience.FREELANCER;
        }
        return null;
    }
}
