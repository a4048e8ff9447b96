package dev.jobsuccess.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.jobsuccess.feedback.domain.FeedbackWindowService;

/**
 * Opens a feedback window for every contract-closed record. Blocking and ordered, so one partition's records
 * (one freelancer's contracts) are applied in order; duplicates are dropped by the inbox.
 */
@ApplicationScoped
public class ContractClosedConsumer {

    private final ObjectMapper json;
    private final FeedbackWindowService windows;

    ContractClosedConsumer(ObjectMapper json, FeedbackWindowService windows) {
        this.json = json;
        this.windows = windows;
    }

    /**
     * Retries ride out short database trouble (a failover, a lock timeout); what still fails, or cannot be read at all,
     * goes to the dead-letter topic and the partition moves on.
     */
    @Incoming(ContractClosedEvent.TOPIC)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, jitter = 200, abortOn = UnreadableEventException.class)
    public void consume(String payload) {
        windows.open(parse(payload).toClosedContract());
    }

    private ContractClosedEvent parse(String payload) {
        if (payload == null) {
            throw new UnreadableEventException("contract-closed record without a value");
        }
        try {
            return json.readValue(payload, ContractClosedEvent.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("contract-closed record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
