package dev.jobsuccess.score.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.jss.InvalidJssInputException;
import dev.jobsuccess.score.domain.FactConflictException;
import dev.jobsuccess.score.domain.ScoreService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Stores each closed contract and recomputes its freelancer's score. */
@ApplicationScoped
public class ContractClosedConsumer {

    private final ObjectMapper json;
    private final ScoreService scores;

    ContractClosedConsumer(ObjectMapper json, ScoreService scores) {
        this.json = json;
        this.scores = scores;
    }

    /**
     * Blocking and ordered (not on virtual threads): one record at a time, so one freelancer's events
     * are applied in their order on the partition. Transient failures (a lost connection, a lock
     * timeout) are retried; a record that cannot succeed goes straight to the dead-letter topic.
     */
    @Incoming(ContractClosedMessage.TOPIC)
    @Blocking
    @Retry(maxRetries = 4, delay = 1000, jitter = 250,
            abortOn = {InvalidEventException.class, FactConflictException.class, InvalidJssInputException.class})
    public void consume(String payload) {
        ContractClosedMessage message = EventJson.read(json, payload, ContractClosedMessage.class);
        scores.recordContractClosed(message.cause(), message.toClosedContract());
    }
}
