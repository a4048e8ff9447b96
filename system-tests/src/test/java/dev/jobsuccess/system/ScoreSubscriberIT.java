package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * The example subscriber (bin/score-subscriber) against the broker bin/infra started, as its own principal: each
 * eventId printed once although one was published twice (two offsets), an invalid record skipped, nothing printed
 * again by a new group over the same store, and a wrong password refused with a clear message.
 */
class ScoreSubscriberIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void printsEachScoreChangeOnceAndRemembersAcrossGroups() throws Exception {
        String freelancer = "f-subscriber-" + UUID.randomUUID();
        String e1 = UUID.randomUUID().toString();
        String e2 = UUID.randomUUID().toString();
        String e3 = UUID.randomUUID().toString();
        JsonNode first = event(e1, freelancer, 100, "TOP", 88, "SOLID", List.of("TOP_RATED"), List.of(), "feedback.submitted");
        JsonNode second = event(e2, freelancer, 88, "SOLID", 91, "TOP", List.of(), List.of(), "feedback.revealed");
        JsonNode third = event(e3, freelancer, 91, "TOP", 73, "AT_RISK", List.of(), List.of(), "contract-earnings.adjusted");
        ObjectNode futureVersion = (ObjectNode) event(UUID.randomUUID().toString(), freelancer, 73, "AT_RISK", 1, "AT_RISK",
                List.of(), List.of(), "feedback.submitted");
        futureVersion.put("schemaVersion", 2);
        for (JsonNode valid : List.of(first, second, third)) {
            EventSchemas.assertValid("score-changed", valid.toString());
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                KafkaTopics.admin(Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), new StringSerializer())) {
            send(producer, freelancer, first);
            send(producer, freelancer, second);
            // The outbox relay after a crash between Kafka's acknowledgement and marking the batch sent: the same
            // event again, at a new offset.
            send(producer, freelancer, first);
            send(producer, freelancer, futureVersion);
            producer.send(new ProducerRecord<>("score-changed", freelancer, "{not json")).get();
            send(producer, freelancer, third);
        }

        Path store = tmp.resolve("store");
        Path output = tmp.resolve("changes.jsonl");
        Run run = subscriber("first", Map.of(), "--group", "score-subscriber-it-" + UUID.randomUUID(), "--store", store.toString(),
                "--freelancer", freelancer, "--output", output.toString(), "--idle-timeout", "4");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of(
                "2025-07-01 " + freelancer + ": 100 (TOP) -> 88 (SOLID); badges lost [TOP_RATED]; cause feedback.submitted",
                "2025-07-01 " + freelancer + ": 88 (SOLID) -> 91 (TOP); cause feedback.revealed",
                "2025-07-01 " + freelancer + ": 91 (TOP) -> 73 (AT_RISK); cause contract-earnings.adjusted"), run.stdout, run.toString());
        List<String> printedIds = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            printedIds.add(JSON.readTree(line).path("eventId").asText());
        }
        assertEquals(List.of(e1, e2, e3), printedIds, "each eventId once, in order");
        assertTrue(run.stderr.contains("schemaVersion is 2"), run.toString());
        assertTrue(run.stderr.contains("not JSON"), run.toString());
        assertTrue(Files.readAllLines(store.resolve("processed-event-ids")).containsAll(List.of(e1, e2, e3)));

        // A new group gets every record again from Kafka; the store says they were handled.
        Run again = subscriber("again", Map.of(), "--group", "score-subscriber-it-" + UUID.randomUUID(), "--store", store.toString(),
                "--freelancer", freelancer, "--idle-timeout", "4");
        assertEquals(0, again.exitCode, again.toString());
        assertEquals(List.of(), again.stdout, again.toString());
        assertTrue(again.stderr.contains("3 processed eventIds"), again.toString());
    }

    @Test
    void aWrongPasswordStopsWithAClearMessage() throws Exception {
        Run run = subscriber("wrong-password", Map.of("KAFKA_SASL_PASSWORD", "not-" + UUID.randomUUID()),
                "--group", "score-subscriber-it-" + UUID.randomUUID(), "--store", tmp.resolve("store").toString(), "--idle-timeout", "4");
        assertNotEquals(0, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("refused to authenticate score-subscriber"), run.toString());
        assertEquals(List.of(), run.stdout, run.toString());
    }

    private static void send(KafkaProducer<String, String> producer, String key, JsonNode event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("score-changed", key, JSON.writeValueAsString(event));
        // The headers commons' OutboxRelay adds.
        record.headers().add("eventId", event.path("eventId").asText().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", "score.changed".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** The schema's first example with this change. */
    private static JsonNode event(String eventId, String freelancer, int previousJss, String previousBand, int currentJss,
                                  String currentBand, List<String> lost, List<String> gained, String causeType) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples("score-changed").get(0));
        event.put("eventId", eventId);
        event.put("freelancerId", freelancer);
        ((ObjectNode) event.path("previous")).put("jss", previousJss).put("band", previousBand);
        ((ObjectNode) event.path("current")).put("jss", currentJss).put("band", currentBand);
        ObjectNode badges = (ObjectNode) event.path("badges");
        badges.set("previous", JSON.valueToTree(lost));
        badges.set("current", JSON.valueToTree(gained));
        badges.set("lost", JSON.valueToTree(lost));
        badges.set("gained", JSON.valueToTree(gained));
        ((ObjectNode) event.path("cause")).put("eventType", causeType).put("eventId", UUID.randomUUID().toString());
        return event;
    }

    private record Run(int exitCode, List<String> stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + stderr;
        }
    }

    /** bin/score-subscriber as a process, as a team would run it; the environment's password unless {@code env} says one. */
    private Run subscriber(String name, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/score-subscriber").toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("KAFKA_SASL_PASSWORD");
        builder.environment().remove("KAFKA_SASL_USERNAME");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
            process.destroyForcibly();
            throw new AssertionError("bin/score-subscriber did not stop within " + RUN_LIMIT + ":\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readString(err));
    }
}
