package dev.jobsuccess.score;

import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_REVEALED;
import static dev.jobsuccess.score.TestEvents.FEEDBACK_SUBMITTED;
import static dev.jobsuccess.score.TestEvents.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Mid-contract feedback with periodic_feedback_counts on (domain.md §c C11, the K8 claim): through Kafka, a client's
 * mid-contract rating is the contract's counting feedback until a later one (their end-of-contract feedback, once
 * revealed) replaces it. Off by default, it is stored and never counts (FactRecordingTest).
 */
@QuarkusTest
@TestProfile(PeriodicFeedbackTest.PeriodicFeedbackCounts.class)
class PeriodicFeedbackTest {

    public static class PeriodicFeedbackCounts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobsuccess.score.periodic-feedback-counts", "true");
        }
    }

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The client's mid-contract feedback as feedback-service publishes it: public only, no window. */
    static ObjectNode midContract(String contractId, String clientId, String freelancerId, String overall, String at) {
        ObjectNode event = TestEvents.clientFeedback(contractId, clientId, freelancerId, null, new BigDecimal(overall));
        event.put("midContract", true).put("occurredAt", at).putNull("private").putNull("windowClosesAt");
        return event;
    }

    @Test
    void aMidContractRatingCountsUntilTheRevealedEndFeedbackReplacesIt() throws Exception {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
        String f = newId("f");
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        OpenContractsTest.awaitApplied(TestEvents.send(FEEDBACK_SUBMITTED,
                midContract(contract, client, f, "2.50", "2025-05-20T10:00:00Z")));
        OpenContractsTest.awaitApplied(TestEvents.send(CONTRACT_CLOSED, TestEvents.contractClosed(contract, client, f,
                "2025-04-01T09:00:00Z", "2025-06-10T12:00:00Z", 120000, "JOB_COMPLETED_SUCCESSFULLY")));
        // The client said 2.5 stars mid-contract: NEGATIVE (below 3.50), and it counts.
        JsonNode counted = OpenContractsTest.explanationOf(f, contract);
        assertEquals("COUNTED", counted.get("inclusion").asText());
        assertEquals("NEGATIVE", counted.get("outcome").asText());

        // Their end-of-contract feedback (5 stars, 10 privately), once revealed, is the latest: POSITIVE.
        ObjectNode end = TestEvents.clientFeedback(contract, client, f, 10, new BigDecimal("5.00"));
        end.put("occurredAt", "2025-06-11T10:00:00Z");
        OpenContractsTest.awaitApplied(TestEvents.send(FEEDBACK_SUBMITTED, end));
        OpenContractsTest.awaitApplied(TestEvents.send(FEEDBACK_REVEALED, TestEvents.revealed(end)));
        JsonNode replaced = OpenContractsTest.explanationOf(f, contract);
        assertEquals("COUNTED", replaced.get("inclusion").asText());
        assertEquals(10, replaced.at("/feedback/privateRecommend").asInt());
        assertEquals("SUCCESS", replaced.get("outcome").asText());
    }
}
