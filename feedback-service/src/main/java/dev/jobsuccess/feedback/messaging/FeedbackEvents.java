package dev.jobsuccess.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.feedback.domain.Feedback;
import dev.jobsuccess.feedback.domain.FeedbackWindow;

/** Turns feedback changes into events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class FeedbackEvents {

    private final Outbox outbox;

    FeedbackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Keyed by the freelancer, so score-service sees one freelancer's contracts and feedback in order. */
    public void submitted(Feedback feedback, FeedbackWindow window) {
        var event = FeedbackSubmittedEvent.of(feedback, window);
        outbox.publish(new OutgoingEvent(FeedbackSubmittedEvent.TOPIC, window.freelancerId, event.eventId(), event.eventType(), event));
    }
}
