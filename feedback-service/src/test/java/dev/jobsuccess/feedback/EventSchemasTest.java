package dev.jobsuccess.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;

/**
 * The schemas of the events this service publishes are draft 2020-12 with valid examples, and feedback-submitted tells
 * mid-contract feedback (public only, no window) from end-of-contract feedback. What the service really emits is checked
 * against them wherever a test reads it back ({@link Events#await}).
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemasExamplesAreValid() {
        for (String event : new String[] {"feedback-submitted", "feedback-revealed", "feedback-window-closed", "client-flag-changed"}) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", EventSchemas.schemaNode(event).get("$schema").asText());
            assertFalse(EventSchemas.examples(event).isEmpty());
            EventSchemas.examples(event).forEach(example -> EventSchemas.assertValid(event, example));
        }
    }

    @Test
    void midContractFeedbackIsTheClientsPublicPartWithoutAWindowAndEndFeedbackKeepsItsWindow() throws Exception {
        ObjectNode mid = (ObjectNode) JSON.readTree(EventSchemas.examples("feedback-submitted").getFirst());
        mid.put("midContract", true).putNull("private").putNull("windowClosesAt");
        EventSchemas.assertValid("feedback-submitted", mid.toString());

        assertFalse(EventSchemas.violations("feedback-submitted", mid.deepCopy().put("windowClosesAt", "2025-05-24T23:59:59.999Z").toString()).isEmpty(),
                "mid-contract feedback has no window");
        ObjectNode withPrivate = mid.deepCopy();
        withPrivate.putObject("private").put("recommendScore", 9).put("endReasonCode", "JOB_COMPLETED_SUCCESSFULLY");
        assertFalse(EventSchemas.violations("feedback-submitted", withPrivate.toString()).isEmpty(), "mid-contract feedback has no private part");
        assertFalse(EventSchemas.violations("feedback-submitted", mid.deepCopy().putNull("public").toString()).isEmpty(),
                "mid-contract feedback is its public part");
        assertFalse(EventSchemas.violations("feedback-submitted", mid.deepCopy().put("authorRole", "FREELANCER").toString()).isEmpty(),
                "only the client gives mid-contract feedback");

        ObjectNode end = (ObjectNode) JSON.readTree(EventSchemas.examples("feedback-submitted").getFirst());
        assertTrue(EventSchemas.violations("feedback-submitted", end.toString()).isEmpty());
        assertFalse(EventSchemas.violations("feedback-submitted", end.putNull("windowClosesAt").toString()).isEmpty(),
                "end-of-contract feedback names its window's end");
    }
}
