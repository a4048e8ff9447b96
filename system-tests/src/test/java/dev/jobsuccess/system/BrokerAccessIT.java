package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * The broker bin/infra started authenticates every client (SASL/SCRAM) and authorizes it by infra/kafka/acls.txt:
 * an anonymous client and a wrong password get nothing; feedback-submitted, which carries private feedback, is read by
 * score-service only; a service writes only its own topics; a consumer group belongs to its service.
 */
class BrokerAccessIT {

    private static final String FEEDBACK_SUBMITTED = "feedback-submitted";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void anAnonymousClientIsRefused() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", KafkaTopics.BOOTSTRAP, "security.protocol", "PLAINTEXT",
                "request.timeout.ms", 3000, "default.api.timeout.ms", 6000, "reconnect.backoff.max.ms", 500);
        try (Admin admin = Admin.create(anonymous)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
            // The SASL listener drops a client that does not authenticate: it never gets an answer.
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(service("score-service", Map.of()));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"score-service\" password=\"not-" + UUID.randomUUID() + "\";");
        try (Admin admin = Admin.create(config)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(10, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void contractServiceCannotReadFeedbackSubmitted() {
        // Without a group: the topic itself is refused.
        TopicAuthorizationException byTopic = assertInstanceOf(TopicAuthorizationException.class,
                refusedRead("contract-service", null));
        assertEquals(Set.of(FEEDBACK_SUBMITTED), byTopic.unauthorizedTopics());
        // In a group: refused too (whichever of its group and the topic the broker checks first).
        RuntimeException inGroup = refusedRead("contract-service", "contract-service-acl-probe");
        assertTrue(inGroup instanceof TopicAuthorizationException || inGroup instanceof GroupAuthorizationException, inGroup.toString());
    }

    @Test
    void feedbackServiceWritesFeedbackSubmittedButCannotReadIt() {
        TopicAuthorizationException e = assertInstanceOf(TopicAuthorizationException.class, refusedRead("feedback-service", null));
        assertEquals(Set.of(FEEDBACK_SUBMITTED), e.unauthorizedTopics());
    }

    @Test
    void scoreServiceReadsFeedbackSubmitted() {
        try (KafkaConsumer<String, String> consumer = consumer("score-service", "score-service-acl-probe-" + UUID.randomUUID())) {
            var partitions = consumer.partitionsFor(FEEDBACK_SUBMITTED, PATIENCE).stream()
                    .map(p -> new TopicPartition(FEEDBACK_SUBMITTED, p.partition())).toList();
            assertFalse(partitions.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)); // fetches are authorized per topic, whether or not records come back
            }
            long fetched = partitions.stream().mapToLong(consumer::position).sum();
            long end = consumer.endOffsets(partitions, PATIENCE).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(end, fetched, "score-service read feedback-submitted to its end");
            // Its offsets are its own group's: committing them is allowed too.
            consumer.commitSync(Duration.ofSeconds(10));
        }
    }

    @Test
    void aServiceWritesOnlyItsOwnTopics() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(service("contract-service", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)), new StringSerializer(), new StringSerializer())) {
            Exception e = assertThrows(Exception.class, () -> producer.send(
                    new ProducerRecord<>(FEEDBACK_SUBMITTED, "acl-probe", "{\"forged\":true}")).get(15, TimeUnit.SECONDS));
            assertTrue(e instanceof TopicAuthorizationException || e.getCause() instanceof TopicAuthorizationException, e.toString());
        }
        // A consumer may not write what it reads: score-service cannot forge the contract-closed that would set a score.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(service("score-service", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)), new StringSerializer(), new StringSerializer())) {
            Exception e = assertThrows(Exception.class, () -> producer.send(
                    new ProducerRecord<>("contract-closed", "acl-probe", "{\"forged\":true}")).get(15, TimeUnit.SECONDS));
            assertTrue(e instanceof TopicAuthorizationException || e.getCause() instanceof TopicAuthorizationException, e.toString());
        }
    }

    @Test
    void aConsumerGroupBelongsToItsService() {
        try (KafkaConsumer<String, String> consumer = consumer("score-service", "feedback-service-acl-probe")) {
            consumer.subscribe(List.of("contract-closed"));
            assertThrows(GroupAuthorizationException.class, () -> pollUntilRefused(consumer));
        }
    }

    /** The broker's refusal of a principal's read of feedback-submitted (with a group: as a member of it). */
    private static RuntimeException refusedRead(String principal, String group) {
        try (KafkaConsumer<String, String> consumer = consumer(principal, group)) {
            if (group == null) {
                consumer.assign(List.of(new TopicPartition(FEEDBACK_SUBMITTED, 0)));
            } else {
                consumer.subscribe(List.of(FEEDBACK_SUBMITTED));
            }
            return assertThrows(RuntimeException.class, () -> pollUntilRefused(consumer));
        }
    }

    private static void pollUntilRefused(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the broker let the consumer poll for " + PATIENCE);
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> specific = new HashMap<>(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        if (group != null) {
            specific.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(service(principal, specific), new StringDeserializer(), new StringDeserializer());
    }

    /** A service's own principal, with the dev password bin/test exports. */
    private static Map<String, Object> service(String principal, Map<String, ?> specific) {
        return KafkaTopics.asUser(principal, ServiceProcess.passwordVariable(principal), specific);
    }
}
