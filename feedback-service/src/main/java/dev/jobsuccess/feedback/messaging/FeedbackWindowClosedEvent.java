package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * The feedback-window-closed event (docs/events/feedback-window-closed.schema.json). occurredAt and closedAt are the
 * window's closing instant, even when the timer handles it later (after downtime).
 */
public record FeedbackWindowClosedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                        String freelancerId, String clientId, String contractId, Instant closedAt,
                                        boolean clientFeedbackPresent, boolean freelancerFeedbackPresent) {

    public static final String TOPIC = "feedback-window-closed";
    public static final String TYPE = "feedback.window-closed";
    public static final int SCHEMA_VERSION = 1;

    static FeedbackWindowClosedEvent of(FeedbackWindow w, boolean clientFeedbackPresent, boolean freelancerFeedbackPresent) {
        return new FeedbackWindowClosedEvent(UUID.randomUUID(), TYPE, SCHEMA_VERSION, w.closesAt, w.freelancerId, w.clientId,
                w.contractId, w.closesAt, clientFeedbackPresent, freelancerFeedbackPresent);
    }
}
