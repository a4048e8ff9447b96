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
 * Keeps each contract's net earnings current from contract-earnings-adjusted, in partition order, each event once.
 * Same failure policy as {@link ContractClosedConsumer}.
 */
@ApplicationScoped
public class ContractEarningsAdjustedConsumer {

    private final ObjectMapper json;
    private final FeedbackWindowService windows;

    ContractEarningsAdjustedConsumer(ObjectMapper json, FeedbackWindowService windows) {
        this.json = json;
        this.windows = windows;
    }

    @Incoming(ContractEarningsAdjustedEvent.TOPIC)
    @Blocking
    @Retry(maxRetries = -1, delay = 1000, jitter = 200, maxDuration = 1, durationUnit = ChronoUnit.HOURS,
            abortOn = UnreadableEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        windows.earningsAdjusted(EventReader.read(json, payload, ContractEarningsAdjustedEvent.TOPIC,
                ContractEarningsAdjustedEvent.class).toAdjustment());
    }
}
