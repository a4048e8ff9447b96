package dev.jobsuccess.score;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Query;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the test database and the score-changed topic. */
final class Db {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Db() {
    }

    static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The rows of a native query, each as its column values. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            List<Object> result = query.getResultList();
            return result.stream().map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
        });
    }

    static void execute(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            Query query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    static long scoreChangedRows(String freelancerId) {
        return count("SELECT count(*) FROM outbox_message WHERE topic = 'score-changed' AND message_key = ?1", freelancerId);
    }

    /** The freelancer's score-changed events as written to the outbox, oldest first. */
    @SuppressWarnings("unchecked")
    static List<JsonNode> scoreChangedPayloads(String freelancerId) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "SELECT payload FROM outbox_message WHERE topic = 'score-changed' AND message_key = ?1 ORDER BY seq")
                .setParameter(1, freelancerId).getResultList());
        return payloads.stream().map(Db::json).toList();
    }

    /** The events of a topic written to the outbox under this key, oldest first, each checked against its schema. */
    @SuppressWarnings("unchecked")
    static List<JsonNode> outboxPayloads(String topic, String key) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "SELECT payload FROM outbox_message WHERE topic = ?1 AND message_key = ?2 ORDER BY seq")
                .setParameter(1, topic).setParameter(2, key).getResultList());
        payloads.forEach(p -> EventSchemas.assertValid(topic, p));
        return payloads.stream().map(Db::json).toList();
    }

    /**
     * Waits for the relay to have sent every score-changed row of the freelancer, then reads exactly that many
     * from Kafka, each checked against docs/events/score-changed.schema.json; oldest first.
     */
    static List<JsonNode> scoreChangedFromKafka(String freelancerId, int expected) {
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM outbox_message WHERE topic = 'score-changed'"
                + " AND message_key = ?1 AND sent_at IS NULL", freelancerId) == 0);
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("score-changed", r -> freelancerId.equals(r.key()),
                expected + 1, Duration.ofSeconds(5));
        assertEquals(expected, records.size(), "score-changed records for " + freelancerId);
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            EventSchemas.assertValid("score-changed", r.value());
            JsonNode event = json(r.value());
            assertEquals(event.get("eventId").asText(), KafkaTopics.header(r, "eventId"));
            events.add(event);
        }
        return events;
    }

    static JsonNode json(String s) {
        try {
            return Seed.JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
