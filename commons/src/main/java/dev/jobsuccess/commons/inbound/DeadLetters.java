package dev.jobsuccess.commons.inbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import dev.jobsuccess.commons.kafka.AcknowledgedProducer;
import dev.jobsuccess.commons.kafka.KafkaClientSettings;

/**
 * Sends records that can never be applied to {@code <topic>-dlq-<service>} (e.g. {@code contract-closed-dlq-score}),
 * with the key and value as consumed and SmallRye's dead-letter headers, the reason among them. Synchronous: a poll
 * is acknowledged only after Kafka has its dead letters, so a crash re-sends rather than loses them.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** One record to dead-letter, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason) {}

    private final String suffix;
    private final MeterRegistry metrics;
    private final AcknowledgedProducer producer;

    DeadLetters(KafkaClientSettings kafka,
                @ConfigProperty(name = "quarkus.application.name") String application, MeterRegistry metrics,
                InboundConfig inbound) {
        this.producer = new AcknowledgedProducer(kafka, "dead-letters",
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
        this.suffix = "-dlq-" + application.replaceFirst("-service$", "");
        this.metrics = metrics;
        // Every consumed topic's count from the start, at 0: a dashboard sees the series before the first dead letter.
        inbound.topics().orElse(List.of()).forEach(this::deadLettered);
    }

    private io.micrometer.core.instrument.Counter deadLettered(String topic) {
        return io.micrometer.core.instrument.Counter.builder("jobsuccess.inbound.dead.lettered").tag("topic", topic)
                .description("events sent to the topic's dead-letter topic").register(metrics);
    }

    /** The dead-letter topic of a consumed topic. */
    public String topicFor(String topic) {
        return topic + suffix;
    }

    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        KafkaProducer<String, String> kafka = producer.get();
        List<Future<RecordMetadata>> acks = letters.stream().map(letter -> {
            ConsumerRecord<String, String> r = letter.record();
            LOG.warnf("%s[%d]@%d goes to %s: %s", r.topic(), r.partition(), r.offset(), topicFor(r.topic()), letter.reason());
            ProducerRecord<String, String> out = new ProducerRecord<>(topicFor(r.topic()), r.key(), r.value());
            out.headers().add("dead-letter-reason", bytes(letter.reason()));
            out.headers().add("dead-letter-topic", bytes(r.topic()));
            out.headers().add("dead-letter-partition", bytes(Integer.toString(r.partition())));
            out.headers().add("dead-letter-offset", bytes(Long.toString(r.offset())));
            return kafka.send(out);
        }).toList();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Transient: the poll is retried; its applied events are then duplicates, its dead letters are sent again.
            throw new IllegalStateException("could not dead-letter " + letters.size() + " record(s)", e);
        }
        for (DeadLetter letter : letters) {
            deadLettered(letter.record().topic()).increment();
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
