package dev.jobsuccess.score.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.jss.InvalidJssInputException;
import dev.jobsuccess.score.domain.FactConflictException;
import dev.jobsuccess.score.domain.ScoreService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Stores each client's feedback and recomputes the freelancer's score; other feedback is not a score input. */
@ApplicationScoped
public class FeedbackSubmittedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackSubmittedConsumer.class);

    private final ObjectMapper json;
    private final ScoreService scores;

    FeedbackSubmittedConsumer(ObjectMapper json, ScoreService scores) {
        this.json = json;
        this.scores = scores;
    }

    /** Ordered and retried as {@link ContractClosedConsumer#consume(String)} is, for the same reasons. */
    @Incoming(FeedbackSubmittedMessage.TOPIC)
    @Blocking
    @Retry(maxRetries = 4, delay = 1000, jitter = 250,
            abortOn = {InvalidEventException.class, FactConflictException.class, InvalidJssInputException.class})
    public void consume(String payload) {
        FeedbackSubmittedMessage message = EventJson.read(json, payload, FeedbackSubmittedMessage.class);
        if (!message.feedsFreelancerScore()) {
            LOG.debugf("%s is not a score input", message);
            return;
        }
        scores.recordClientFeedback(message.cause(), message.toClientFeedback());
    }
}
