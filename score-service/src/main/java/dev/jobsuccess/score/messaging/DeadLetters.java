package dev.jobsuccess.score.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the records of a batch that can never be applied to {@code <topic>-dlq-score}, with the key and
 * value as consumed and SmallRye's dead-letter headers. Synchronous: the batch is acknowledged only after
 * Kafka has them, so a crash re-sends rather than loses.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = "-dlq-score";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** One record to dead-letter, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason) {}

    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = letters.stream().map(letter -> {
            ConsumerRecord<String, String> r = letter.record();
            LOG.warnf("%s[%d]@%d goes to %s: %s", r.topic(), r.partition(), r.offset(), r.topic() + SUFFIX, letter.reason());
            ProducerRecord<String, String> out = new ProducerRecord<>(r.topic() + SUFFIX, r.key(), r.value());
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
            // Transient: the consumer retries the batch, whose valid events are then duplicates.
            throw new IllegalStateException("could not dead-letter " + letters.size() + " record(s)", e);
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "score-service-dead-letters");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }
}
