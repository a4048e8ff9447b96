package dev.jobsuccess.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.flag.ClientFlag;
import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * Turns feedback changes into events in the outbox, inside the caller's transaction. Every event is keyed by a
 * freelancer id, so score-service sees one freelancer's contracts and feedback in order.
 */
@ApplicationScoped
public class FeedbackEvents {

    private final Outbox outbox;

    FeedbackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A submission, or the one edit of its public part: carries the private part, for score-service only. */
    public void submitted(Feedback feedback, FeedbackWindow window) {
        var event = FeedbackSubmittedEvent.of(feedback, window.parties(), window.closesAt);
        outbox.publish(new OutgoingEvent(FeedbackSubmittedEvent.TOPIC, window.freelancerId, event.eventId(), event.eventType(), event));
    }

    /** The client's mid-contract feedback: public only, on a contract that has no feedback window yet. */
    public void midContractSubmitted(Feedback feedback, Parties contract) {
        var event = FeedbackSubmittedEvent.of(feedback, contract, null);
        outbox.publish(new OutgoingEvent(FeedbackSubmittedEvent.TOPIC, contract.freelancerId(), event.eventId(), event.eventType(), event));
    }

    public void revealed(Feedback feedback, FeedbackWindow window) {
        var event = FeedbackRevealedEvent.of(feedback, window);
        outbox.publish(new OutgoingEvent(FeedbackRevealedEvent.TOPIC, window.freelancerId, event.eventId(), event.eventType(), event));
    }

    public void windowClosed(FeedbackWindow window, boolean clientFeedbackPresent, boolean freelancerFeedbackPresent) {
        var event = FeedbackWindowClosedEvent.of(window, clientFeedbackPresent, freelancerFeedbackPresent);
        outbox.publish(new OutgoingEvent(FeedbackWindowClosedEvent.TOPIC, window.freelancerId, event.eventId(), event.eventType(), event));
    }

    /** Keyed by the freelancer whose feedback (or contract) caused the evaluation; the flag is about the client. */
    public void clientFlagChanged(ClientFlag flag, String freelancerId) {
        var event = ClientFlagChangedEvent.of(flag, freelancerId);
        outbox.publish(new OutgoingEvent(ClientFlagChangedEvent.TOPIC, freelancerId, event.eventId(), event.eventType(), event));
    }
}
