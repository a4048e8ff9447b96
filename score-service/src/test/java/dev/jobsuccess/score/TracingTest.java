package dev.jobsuccess.score;

import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.newId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.score.scoring.ScoreService;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace across score-service, with the tests' in-memory exporter: a contract-closed record carrying a W3C
 * traceparent is consumed in a span of that trace, the recompute it causes is a child of that span, and the
 * score-changed it announces carries the same trace on, in the outbox and as the Kafka record's traceparent header.
 */
@QuarkusTest
class TracingTest {

    @Inject
    RecordedSpans spans;
    @Inject
    ScoreService scores;

    @Test
    void aConsumedEventsTraceRunsThroughTheRecomputeToTheScoreChangedRecord() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = "00f067aa0ba902b7";
        String f = newId("f");
        // Two happy contracts make a score: the first is stored already, the second arrives traced.
        scores.applyBatch(Seed.ratedContract(f, UUID.randomUUID().toString(), newId("c"), LocalDate.parse("2025-04-01"),
                LocalDate.parse("2025-05-01"), 50000, 10, null));
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        ObjectNode closed = TestEvents.contractClosed(contract, client, f, "2025-04-01T09:00:00Z", "2025-05-02T12:00:00Z", 50000,
                "JOB_COMPLETED_SUCCESSFULLY");
        String json = closed.toString();
        EventSchemas.assertValid(CONTRACT_CLOSED, json);
        KafkaTopics.send(CONTRACT_CLOSED, f, json, Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));
        OpenContractsTest.awaitApplied(UUID.fromString(closed.get("eventId").asText()));

        // No feedback yet: the score is unchanged (no score), so nothing is announced; the consumer span is there.
        await().atMost(Db.PATIENCE).untilAsserted(() -> assertTrue(spans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.getName().equals("contract-closed process")
                        && s.getParentSpanId().equals(producerSpan)), "the consumer span continues the producer's trace"));

        // The client's feedback, revealed in a traced record, makes the first score: its recompute and score-changed
        // follow the reveal's trace.
        String revealTrace = UUID.randomUUID().toString().replace("-", "");
        ObjectNode feedback = TestEvents.clientFeedback(contract, client, f, 10, 5, 5, 5, 5, 5, 5);
        OpenContractsTest.awaitApplied(TestEvents.send(TestEvents.FEEDBACK_SUBMITTED, feedback));
        ObjectNode reveal = TestEvents.revealed(feedback);
        EventSchemas.assertValid(TestEvents.FEEDBACK_REVEALED, reveal.toString());
        KafkaTopics.send(TestEvents.FEEDBACK_REVEALED, f, reveal.toString(),
                Map.of("traceparent", "00-" + revealTrace + "-" + producerSpan + "-01"));
        OpenContractsTest.awaitApplied(UUID.fromString(reveal.get("eventId").asText()));

        await().atMost(Db.PATIENCE).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(revealTrace);
            var consumed = trace.stream().filter(s -> s.getName().equals("feedback-revealed process")).findFirst();
            var recompute = trace.stream().filter(s -> s.getName().equals("score recompute")).findFirst();
            assertTrue(consumed.isPresent() && recompute.isPresent(), "consumer and recompute spans in the trace: " + trace);
            assertEquals(consumed.get().getSpanId(), recompute.get().getParentSpanId(), "the recompute is part of consuming the reveal");
        });
        List<ConsumerRecord<String, String>> changed = KafkaTopics.await("score-changed", r -> f.equals(r.key()), 1,
                Duration.ofSeconds(30));
        String header = KafkaTopics.header(changed.getLast(), "traceparent");
        assertTrue(header != null && header.startsWith("00-" + revealTrace + "-"), "score-changed carries the trace on: " + header);
        SpanData recompute = spans.ofTrace(revealTrace).stream().filter(s -> s.getName().equals("score recompute")).findFirst()
                .orElseThrow();
        assertEquals("00-" + revealTrace + "-" + recompute.getSpanId() + "-01", header);
    }
}
