package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * The events the service emitted: read back from Kafka (keyed by freelancerId, each checked against its schema and its
 * headers), and counted exactly in the outbox, where they are written in the transaction of the change.
 */
final class Events {

    /** Decimals as written ("4.00" stays 4.00), not as doubles. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Events() {
    }

    /** At least {@code n} events of the topic about the contract, each valid against the topic's schema. */
    static List<JsonNode> await(String topic, String freelancerId, String contractId, int n) {
        return await(topic, freelancerId, "contractId", contractId, n);
    }

    /** At least {@code n} events of the topic keyed by the freelancer whose {@code field} is {@code value}. */
    static List<JsonNode> await(String topic, String freelancerId, String field, String value, int n) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(topic,
                r -> freelancerId.equals(r.key()) && value.equals(parse(r.value()).path(field).asText()), n, Duration.ofSeconds(30));
        assertEquals(n, records.size(), n + " " + topic + " event(s) with " + field + " " + value + " keyed by " + freelancerId);
        return records.stream().map(r -> {
            EventSchemas.assertValid(topic, r.value());
            JsonNode event = parse(r.value());
            assertEquals(event.get("eventId").asText(), KafkaTopics.header(r, "eventId"));
            assertEquals(event.get("eventType").asText(), KafkaTopics.header(r, "eventType"));
            return event;
        }).toList();
    }

    /** How many events of the topic about the contract the service has written, sent or not. */
    static long written(String topic, String contractId) {
        return count("SELECT count(*) FROM outbox_message WHERE topic = ?1 AND CAST(payload AS jsonb)->>'contractId' = ?2", topic, contractId);
    }

    /** How many events of the topic whose {@code field} is {@code value} the service has written. */
    static long written(String topic, String field, String value) {
        return count("SELECT count(*) FROM outbox_message WHERE topic = ?1 AND CAST(payload AS jsonb)->>?2 = ?3", topic, field, value);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }
}
