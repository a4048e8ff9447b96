package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.CONTRACT_STARTED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.PAYMENT_RECORDED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.inbound.InboundHandler;
import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.messaging.FactsConsumer;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One poll of 1,000 records holding a record that is not JSON and an event whose amount the engine refuses: the other
 * 998 are applied, the two go to the dead-letter topics with their reasons, the poisoned freelancer keeps the score it
 * had (marked stale), the consumer catches up and readiness stays UP.
 */
@QuarkusTest
class PoisonIsolationTest {

    /** More than the engine accepts for one contract ($3 billion). */
    static final long ABSURD_CENTS = 300_000_000_000L;
    static final int[] FIVE_STARS = {5, 5, 5, 5, 5, 5};

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;
    @Inject
    InboundHandler inbound;
    @Inject
    FactsConsumer consumer;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The records of the poll, in order, and what the test expects of them. */
    record Poll(List<ProducerRecord<String, String>> records, String poisoned, Set<UUID> valid, UUID poison, String garbage) {}

    /** A freelancer with a published score of 100 (two rated contracts); returns their id. */
    String scoredFreelancer() {
        String f = TestEvents.newId("f");
        for (int i = 0; i < 2; i++) {
            String contract = TestEvents.newId("k");
            String client = TestEvents.newId("c");
            ObjectNode feedback = TestEvents.clientFeedback(contract, client, f, 10, FIVE_STARS);
            TestEvents.send(CONTRACT_CLOSED, TestEvents.contractClosed(contract, client, f, "2025-05-01T00:00:00Z",
                    "2025-06-01T00:00:00Z", 50_000, "JOB_COMPLETED_SUCCESSFULLY"));
            TestEvents.send(FEEDBACK_SUBMITTED, feedback);
            TestEvents.send(FEEDBACK_REVEALED, TestEvents.revealed(feedback));
        }
        await().atMost(Db.PATIENCE).untilAsserted(() -> given().header("Authorization", bearer(f, "FREELANCER"))
                .get("/freelancers/{id}/score", f).then().body("jss", equalTo(100)).body("stale", equalTo(false)));
        return f;
    }

    Poll poll(String poisoned) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        Set<UUID> valid = new HashSet<>();
        String garbage = "this is not JSON { " + UUID.randomUUID();
        // 332 freelancers × (close, the client's feedback, its reveal) = 996 valid events
        for (int i = 0; i < 332; i++) {
            String f = TestEvents.newId("f");
            String contract = TestEvents.newId("k");
            String client = TestEvents.newId("c");
            ObjectNode feedback = TestEvents.clientFeedback(contract, client, f, 9, FIVE_STARS);
            add(records, valid, CONTRACT_CLOSED, TestEvents.contractClosed(contract, client, f, "2025-05-01T00:00:00Z",
                    "2025-06-01T00:00:00Z", 50_000 + i, "JOB_COMPLETED_SUCCESSFULLY"));
            add(records, valid, FEEDBACK_SUBMITTED, feedback);
            add(records, valid, FEEDBACK_REVEALED, TestEvents.revealed(feedback));
            if (i == 100) {
                // the poison: an open contract of the scored freelancer paid more than the engine accepts
                ObjectNode absurd = TestEvents.paymentRecorded(TestEvents.newId("k"), TestEvents.newId("c"), poisoned,
                        "2025-06-01T00:00:00Z", "ACTIVE", ABSURD_CENTS, "2025-06-20T00:00:00Z",
                        List.of("2025-06-20T00:00:00Z"));
                records.add(record(PAYMENT_RECORDED, poisoned, absurd));
                // and after it, on the same partition, a valid event of the same freelancer
                add(records, valid, CONTRACT_STARTED, TestEvents.contractStarted(TestEvents.newId("k"), TestEvents.newId("c"),
                        poisoned, "2025-06-25T00:00:00Z"));
            }
            if (i == 200) {
                records.add(new ProducerRecord<>(CONTRACT_CLOSED, f, garbage));
            }
        }
        String other = TestEvents.newId("f");
        add(records, valid, CONTRACT_STARTED, TestEvents.contractStarted(TestEvents.newId("k"), TestEvents.newId("c"), other,
                "2025-06-25T00:00:00Z"));
        assertEquals(1_000, records.size());
        assertEquals(998, valid.size());
        UUID poison = UUID.fromString(Db.json(records.stream().filter(r -> r.topic().equals(PAYMENT_RECORDED)).findFirst()
                .orElseThrow().value()).get("eventId").asText());
        return new Poll(records, poisoned, valid, poison, garbage);
    }

    @Test
    void aPollOfOneThousandAppliesAllButThePoisonedTwo() {
        String poisoned = scoredFreelancer();
        Poll poll = poll(poisoned);
        // Exactly one poll: the records as one ConsumerRecords, through the consumer's own path.
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        long offset = 0;
        for (ProducerRecord<String, String> r : poll.records()) {
            TopicPartition tp = new TopicPartition(r.topic(), Math.floorMod(r.key().hashCode(), 12));
            byPartition.computeIfAbsent(tp, k -> new ArrayList<>())
                    .add(new ConsumerRecord<>(r.topic(), tp.partition(), 1_000_000 + offset++, r.key(), r.value()));
        }
        inbound.handle(ScoreService.CONSUMER, new ConsumerRecords<>(byPartition, Map.of()), consumer::read, consumer);

        assertOutcome(poll);
    }

    @Test
    void throughTheBrokerTheConsumerCatchesUpAndStaysReady() throws Exception {
        String poisoned = scoredFreelancer();
        Poll poll = poll(poisoned);
        Map<TopicPartition, Long> sentUpTo = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTopics.admin(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "20")), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> r : poll.records()) {
                acks.add(producer.send(r));
            }
            for (var ack : acks) {
                RecordMetadata m = ack.get(30, TimeUnit.SECONDS);
                sentUpTo.merge(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, Math::max);
            }
        }
        assertOutcome(poll);
        try (Admin admin = Admin.create(KafkaTopics.admin(Map.of()))) {
            await().atMost(Db.PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("score-service-test")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (var sent : sentUpTo.entrySet()) {
                    OffsetAndMetadata c = committed.get(sent.getKey());
                    assertTrue(c != null && c.offset() >= sent.getValue(), "lag on " + sent.getKey() + ": committed "
                            + (c == null ? null : c.offset()) + ", end " + sent.getValue());
                }
            });
            // the lag of every partition the poll went to is 0 against the log end, too
            var ends = admin.listOffsets(sentUpTo.keySet().stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
                    tp -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("score-service-test")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            ends.forEach((tp, end) -> assertTrue(committed.get(tp).offset() >= end.offset(), "lag on " + tp));
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    void assertOutcome(Poll poll) {
        await().atMost(Db.PATIENCE).until(() -> appliedCount(poll.valid()) == poll.valid().size());
        assertEquals(0, Db.count("SELECT count(*) FROM inbox_message WHERE consumer = 'score-service' AND event_id = ?1",
                poll.poison()));
        List<ConsumerRecord<String, String>> poisonLetters = KafkaTopics.await(PAYMENT_RECORDED + "-dlq-score",
                r -> r.value().contains(poll.poison().toString()), 1, Db.PATIENCE);
        assertEquals(1, poisonLetters.size());
        String reason = KafkaTopics.header(poisonLetters.getFirst(), "dead-letter-reason");
        assertTrue(reason.contains(poll.poisoned()) && reason.contains("netEarningsCents"), reason);
        List<ConsumerRecord<String, String>> garbage = KafkaTopics.await(CONTRACT_CLOSED + "-dlq-score",
                r -> poll.garbage().equals(r.value()), 1, Db.PATIENCE);
        assertEquals(1, garbage.size());
        assertTrue(KafkaTopics.header(garbage.getFirst(), "dead-letter-reason").contains("not a readable"));
        // the poisoned freelancer keeps the score published before, marked stale; the others got theirs
        given().header("Authorization", bearer(poll.poisoned(), "FREELANCER")).get("/freelancers/{id}/score", poll.poisoned())
                .then().statusCode(200).body("jss", equalTo(100)).body("stale", equalTo(true));
        assertEquals(1, Db.count("SELECT count(*) FROM contract_start_fact WHERE freelancer_id = ?1", poll.poisoned()));
        assertEquals(0, Db.count("SELECT count(*) FROM contract_payment_fact WHERE freelancer_id = ?1", poll.poisoned()));
        assertEquals(332 + 2, Db.count("SELECT count(*) FROM freelancer_score WHERE freelancer_id = ANY (string_to_array(?1, ','))",
                String.join(",", freelancersOf(poll))));
    }

    static String[] freelancersOf(Poll poll) {
        return poll.records().stream().map(ProducerRecord::key).distinct().toArray(String[]::new);
    }

    static long appliedCount(Set<UUID> eventIds) {
        return Db.count("SELECT count(*) FROM inbox_message WHERE consumer = 'score-service' "
                + "AND event_id = ANY (CAST(string_to_array(?1, ',') AS uuid[]))",
                String.join(",", eventIds.stream().map(UUID::toString).toList()));
    }

    static void add(List<ProducerRecord<String, String>> records, Set<UUID> valid, String topic, ObjectNode event) {
        records.add(record(topic, event.get("freelancerId").asText(), event));
        valid.add(UUID.fromString(event.get("eventId").asText()));
    }

    static ProducerRecord<String, String> record(String topic, String key, ObjectNode event) {
        EventSchemas.assertValid(topic, event.toString());
        return new ProducerRecord<>(topic, key, event.toString());
    }
}
