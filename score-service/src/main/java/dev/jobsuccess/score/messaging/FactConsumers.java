package dev.jobsuccess.score.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The eight topics the score is computed from, each consumed in batches (one transaction per batch, each
 * touched freelancer recomputed once per batch). Blocking and ordered: one batch at a time per channel, so
 * one freelancer's events are applied in their order on the partition.
 *
 * <p>Retries: invalid events never reach the retry (they are dead-lettered inside the batch); what is left
 * is transient (database or broker away, lock timeout), retried with exponential backoff (1 s doubling to at most
 * a minute, with jitter) for up to an hour rather than dead-lettering valid events. After that the channel fails, the service turns unhealthy and
 * is restarted; the batch's offsets were not committed, so nothing is lost.
 */
@ApplicationScoped
// One retry policy for every channel: class-level fault-tolerance annotations apply to each method.
@Retry(maxRetries = -1, delay = 1000, jitter = 250, maxDuration = 1, durationUnit = ChronoUnit.HOURS,
        abortOn = InvalidEventException.class)
@ExponentialBackoff(factor = 2, maxDelay = 60, maxDelayUnit = ChronoUnit.SECONDS)
public class FactConsumers {

    private final BatchProcessor batches;

    FactConsumers(BatchProcessor batches) {
        this.batches = batches;
    }

    @Incoming(ContractClosedMessage.TOPIC)
    @Blocking
    public void contractClosed(ConsumerRecords<String, String> records) {
        batches.process(records, ContractClosedMessage.class);
    }

    @Incoming(ContractEarningsAdjustedMessage.TOPIC)
    @Blocking
    public void contractEarningsAdjusted(ConsumerRecords<String, String> records) {
        batches.process(records, ContractEarningsAdjustedMessage.class);
    }

    @Incoming(ContractStartedMessage.TOPIC)
    @Blocking
    public void contractStarted(ConsumerRecords<String, String> records) {
        batches.process(records, ContractStartedMessage.class);
    }

    @Incoming(ContractPaymentRecordedMessage.TOPIC)
    @Blocking
    public void contractPaymentRecorded(ConsumerRecords<String, String> records) {
        batches.process(records, ContractPaymentRecordedMessage.class);
    }

    @Incoming(FeedbackSubmittedMessage.TOPIC)
    @Blocking
    public void feedbackSubmitted(ConsumerRecords<String, String> records) {
        batches.process(records, FeedbackSubmittedMessage.class);
    }

    @Incoming(FeedbackRevealedMessage.TOPIC)
    @Blocking
    public void feedbackRevealed(ConsumerRecords<String, String> records) {
        batches.process(records, FeedbackRevealedMessage.class);
    }

    @Incoming(FeedbackWindowClosedMessage.TOPIC)
    @Blocking
    public void feedbackWindowClosed(ConsumerRecords<String, String> records) {
        batches.process(records, FeedbackWindowClosedMessage.class);
    }

    @Incoming(ClientFlagChangedMessage.TOPIC)
    @Blocking
    public void clientFlagChanged(ConsumerRecords<String, String> records) {
        batches.process(records, ClientFlagChangedMessage.class);
    }
}
