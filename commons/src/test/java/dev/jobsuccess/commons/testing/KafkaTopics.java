package dev.jobsuccess.commons.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the real test broker: reads a topic from the beginning, or sends a raw record. It plays the other services
 * (sends their events, reads every dead-letter topic), so it authenticates as the broker's admin principal, whose dev
 * credentials bin/infra generated and bin/test exports (KAFKA_ADMIN_USERNAME, KAFKA_ADMIN_PASSWORD).
 */
public final class KafkaTopics {

    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers",
            System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));

    private KafkaTopics() {
    }

    /** The admin principal's client settings for the test broker, plus {@code specific}. */
    public static Map<String, Object> admin(Map<String, ?> specific) {
        return asUser(System.getenv().getOrDefault("KAFKA_ADMIN_USERNAME", "admin"), "KAFKA_ADMIN_PASSWORD", specific);
    }

    /**
     * A principal's client settings for the test broker: SASL/SCRAM-SHA-512 with the password in the environment
     * variable {@code passwordVariable} (bin/test exports the dev credentials of .local/kafka/credentials.env).
     */
    public static Map<String, Object> asUser(String username, String passwordVariable, Map<String, ?> specific) {
        String password = System.getenv(passwordVariable);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(passwordVariable + " is not set: run the tests through bin/test, or export the dev "
                    + "credentials bin/infra generated first (set -a; . .local/kafka/credentials.env; set +a)");
        }
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                "bootstrap.servers", BOOTSTRAP,
                "security.protocol", System.getenv().getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                "sasl.mechanism", System.getenv().getOrDefault("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + username + "\" password=\"" + password + "\";"));
        config.putAll(specific);
        return config;
    }

    /** Polls the topic from its start until records matching the filter appear or the timeout passes. */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                             int atLeast, Duration timeout) {
        Map<String, Object> config = admin(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end && found.size() < atLeast) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    /** Sends one record with the given headers (e.g. a W3C traceparent), as the admin principal. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> config = admin(Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
