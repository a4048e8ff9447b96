package dev.jobsuccess.feedback.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
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
     * A record that cannot be read goes to the dead-letter topic at once. Any other failure is taken as transient (the
     * database away, a failover): the record is retried with a growing delay, up to 30 s apart, for up to an hour, and
     * the partition waits, so a valid event is not parked for a passing outage.
     */
    @Incoming(ContractClosedEvent.TOPIC)
    @Blocking
    @Retry(maxRetries = -1, delay = 1000, jitter = 200, maxDuration = 1, durationUnit = ChronoUnit.HOURS,
            abortOn = UnreadableEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        windows.open(EventReader.read(json, payload, ContractClosedEvent.TOPIC, ContractClosedEvent.class).toClosedContract());
    }
}
