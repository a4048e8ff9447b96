package dev.jobsuccess.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;

/**
 * Two score-service processes in one consumer group split the partitions and produce exactly what one process
 * produces: the same scores, the same score-changed records, every event applied once. Its own broker (5 partitions a
 * topic) and its own schemas, one per run.
 *
 * <p>The events go in six waves (each freelancer's first close, second close, first feedback, second, first reveal,
 * second), each applied before the next is sent, so each freelancer's score changes the same way whatever the polls.
 */
class ScoreReplicasIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/score_systest";
    /**
     * Odd on purpose: with an even count, an assignor that deals the partitions out one by one across all topics would
     * keep partition numbers together by chance, and the check that each member owns the same numbers on every topic
     * could not tell it from the range assignment.
     */
    private static final int PARTITIONS = 5;
    private static final int FREELANCERS = 48;
    private static final List<String> TOPICS = List.of("contract-started", "contract-payment-recorded", "contract-closed",
            "contract-earnings-adjusted", "feedback-submitted", "feedback-revealed", "feedback-window-closed",
            "client-flag-changed", "score-changed");

    @Test
    void twoProcessesInOneGroupGiveWhatOneProcessGives() throws Exception {
        List<List<ProducerRecord<String, String>>> waves = waves();
        int events = waves.stream().mapToInt(List::size).sum();

        // One process, with a broker of its own.
        Map<String, String> changesOne;
        try (LocalBroker broker = broker(19292)) {
            freshSchema("replicas_one");
            try (ServiceProcess one = score(broker, "replicas_one", "-replicas-one", 18193)) {
                one.awaitReady(Duration.ofSeconds(90));
                send(broker, waves, "replicas_one");
            }
            changesOne = scoreChanges("replicas_one");
            assertPublishedOnce(broker, changesOne.keySet());
        }
        // Two processes in one group, the same events on a broker of their own.
        Map<String, String> changesTwo;
        try (LocalBroker broker = broker(19294)) {
            freshSchema("replicas_two");
            try (ServiceProcess a = score(broker, "replicas_two", "-replicas-two", 18194);
                 ServiceProcess b = score(broker, "replicas_two", "-replicas-two", 18195);
                 Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                a.awaitReady(Duration.ofSeconds(90));
                b.awaitReady(Duration.ofSeconds(90));
                // Both members own partitions before the first event is sent.
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ConsumerGroupDescription group = kafka.describeConsumerGroups(List.of("score-service-replicas-two"))
                            .all().get(10, TimeUnit.SECONDS).get("score-service-replicas-two");
                    assertEquals(2, group.members().size());
                    group.members().forEach(m -> assertFalse(m.assignment().topicPartitions().isEmpty()));
                    // A freelancer's events are all applied by one member: each member owns the same partition numbers
                    // on every topic, and no partition number is owned by both.
                    List<Set<Integer>> numbers = group.members().stream().map(m -> {
                        Map<String, Set<Integer>> byTopic = new HashMap<>();
                        m.assignment().topicPartitions().forEach(tp ->
                                byTopic.computeIfAbsent(tp.topic(), t -> new HashSet<>()).add(tp.partition()));
                        assertEquals(1, new HashSet<>(byTopic.values()).size(), "one set of partition numbers on all topics: " + byTopic);
                        return byTopic.values().iterator().next();
                    }).toList();
                    assertTrue(java.util.Collections.disjoint(numbers.get(0), numbers.get(1)), "members share no number: " + numbers);
                });
                send(broker, waves, "replicas_two");
            }
            changesTwo = scoreChanges("replicas_two");
            assertPublishedOnce(broker, changesTwo.keySet());
            try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                Set<String> topics = kafka.listTopics().names().get(10, TimeUnit.SECONDS);
                assertTrue(topics.stream().noneMatch(t -> t.endsWith("-dlq-score")), "nothing dead-lettered: " + topics);
            }
        }

        assertEquals(events, count("replicas_two", "SELECT count(*) FROM inbox_message"), "every event applied once");
        assertEquals(scores("replicas_one"), scores("replicas_two"));
        assertEquals(FREELANCERS, scores("replicas_two").values().stream().filter(s -> !s.startsWith("null")).count(),
                "every freelancer has a score");
        assertTrue(changesOne.size() >= FREELANCERS, "score-changed records: " + changesOne.size());
        assertEquals(changesOne.size(), changesTwo.size());
        assertEquals(new HashSet<>(changesOne.values()), new HashSet<>(changesTwo.values()));
    }

    /** A private broker whose topics all have the production partition count. */
    private static LocalBroker broker(int port) throws Exception {
        Path home = Files.createDirectories(ROOT.resolve("system-tests/target/replicas-broker-" + UUID.randomUUID()));
        LocalBroker broker = new LocalBroker(ROOT, home, port, PARTITIONS);
        broker.start();
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            kafka.createTopics(TOPICS.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
        return broker;
    }

    /** The run's score-changed records are on its broker, each once. */
    private static void assertPublishedOnce(LocalBroker broker, Set<String> eventIds) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> ids = scoreChangedEventIds(broker);
            assertEquals(eventIds.size(), ids.size(), "each score-changed once");
            assertEquals(eventIds, new HashSet<>(ids));
        });
    }

    private static ServiceProcess score(LocalBroker broker, String schema, String group, int port) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", DB + "?currentSchema=" + schema);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap());
        env.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        env.put("KAFKA_GROUP_SUFFIX", group);
        env.put("SNAPSHOT_CRON", "off");
        env.put("JOBSUCCESS_SCORE_SNAPSHOT_CATCH_UP_AT_START", "false");
        return ServiceProcess.start(ROOT, "score-service", port, env);
    }

    /** Sends the waves, each once the one before is applied in the run's schema. */
    private static void send(LocalBroker broker, List<List<ProducerRecord<String, String>>> waves, String schema) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            int applied = 0;
            for (List<ProducerRecord<String, String>> wave : waves) {
                for (ProducerRecord<String, String> r : wave) {
                    producer.send(r);
                }
                producer.flush();
                applied += wave.size();
                int expected = applied;
                await().atMost(Duration.ofSeconds(90)).until(() -> count(schema, "SELECT count(*) FROM inbox_message") == expected);
            }
        }
        // and every score-changed relayed
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count(schema, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
    }

    /** Six waves of one event per freelancer each; the same events for both runs. */
    private static List<List<ProducerRecord<String, String>>> waves() throws Exception {
        List<List<ProducerRecord<String, String>>> waves = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            waves.add(new ArrayList<>());
        }
        Instant ended = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant started = ended.minus(30, ChronoUnit.DAYS);
        for (int i = 0; i < FREELANCERS; i++) {
            String freelancer = "f-" + UUID.randomUUID();
            for (int c = 0; c < 2; c++) {
                String contract = UUID.randomUUID().toString();
                String client = "c-" + UUID.randomUUID();
                ObjectNode closed = example("contract-closed");
                closed.put("eventId", UUID.randomUUID().toString()).put("contractId", contract).put("clientId", client)
                        .put("freelancerId", freelancer).put("occurredAt", ended.toString()).put("startedAt", started.toString())
                        .put("endedAt", ended.toString()).put("endReasonCode", "JOB_COMPLETED_SUCCESSFULLY");
                long cents = 10_000L * (1 + (i % 7)) + 2_500L * c;
                ((ObjectNode) closed.get("money")).put("grossReleasedCents", cents).put("netEarningsCents", cents);
                closed.putArray("paymentInstants").add(ended.toString());
                closed.put("feedbackWindowClosesAt", ended.plus(14, ChronoUnit.DAYS).toString());
                waves.get(c).add(record("contract-closed", freelancer, closed));

                ObjectNode feedback = example("feedback-submitted");
                String feedbackId = UUID.randomUUID().toString();
                feedback.put("eventId", UUID.randomUUID().toString()).put("feedbackId", feedbackId).put("contractId", contract)
                        .put("clientId", client).put("freelancerId", freelancer).put("authorRole", "CLIENT")
                        .put("authorId", client).put("subjectId", freelancer).put("occurredAt", ended.plusSeconds(60).toString())
                        .put("submittedAt", ended.plusSeconds(60).toString());
                // a spread of ratings, so the scores differ between freelancers
                ((ObjectNode) feedback.get("private")).put("recommendScore", (i + c) % 11);
                waves.get(2 + c).add(record("feedback-submitted", freelancer, feedback));

                ObjectNode reveal = example("feedback-revealed");
                reveal.put("eventId", UUID.randomUUID().toString());
                for (String field : new String[] {"freelancerId", "clientId", "contractId", "feedbackId", "authorRole"}) {
                    reveal.set(field, feedback.get(field));
                }
                waves.get(4 + c).add(record("feedback-revealed", freelancer, reveal));
            }
        }
        return waves;
    }

    private static ObjectNode example(String event) throws Exception {
        return (ObjectNode) JSON.readTree(EventSchemas.examples(event).getFirst());
    }

    private static ProducerRecord<String, String> record(String topic, String key, ObjectNode event) {
        EventSchemas.assertValid(topic, event.toString());
        return new ProducerRecord<>(topic, key, event.toString());
    }

    private static void freshSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB, "jobsuccess", "jobsuccess"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    private static long count(String schema, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB + "?currentSchema=" + schema, "jobsuccess", "jobsuccess");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Each freelancer's stored score, window and band. */
    private static Map<String, String> scores(String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(DB + "?currentSchema=" + schema, "jobsuccess", "jobsuccess");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT freelancer_id, jss, selected_window, band, no_score_reason FROM freelancer_score")) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2) + "/" + r.getString(3) + "/" + r.getString(4) + "/" + r.getString(5));
            }
        }
        return out;
    }

    /**
     * The run's score-changed events by event id, each as its content without what differs between runs by nature:
     * its own id and timestamps.
     */
    private static Map<String, String> scoreChanges(String schema) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(DB + "?currentSchema=" + schema, "jobsuccess", "jobsuccess");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id, payload FROM outbox_message WHERE topic = 'score-changed'")) {
            while (r.next()) {
                ObjectNode event = (ObjectNode) JSON.readTree(r.getString(2));
                event.remove(List.of("eventId", "occurredAt", "computedAt"));
                out.put(r.getString(1), JSON.writeValueAsString(JSON.treeToValue(event, JsonNode.class)));
            }
        }
        return out;
    }

    private static List<String> scoreChangedEventIds(LocalBroker broker) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "replicas-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("score-changed"));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        ids.add(JSON.readTree(r.value()).get("eventId").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return ids;
    }
}
