package dev.jobsuccess.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.EventSchemas;

/** The schemas this service owns are draft 2020-12, carry examples, and their examples are valid. */
class EventSchemasTest {

    @Test
    void theSchemasExamplesAreValid() {
        for (String event : new String[] {"contract-started", "contract-payment-recorded", "contract-closed",
                "contract-earnings-adjusted"}) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", EventSchemas.schemaNode(event).get("$schema").asText());
            assertFalse(EventSchemas.examples(event).isEmpty());
            for (String example : EventSchemas.examples(event)) {
                EventSchemas.assertValid(event, example);
            }
        }
    }

    @Test
    void theSchemasRefuseWhatTheyDoNotDescribe() {
        String example = EventSchemas.examples("contract-earnings-adjusted").getFirst();
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", example.replace("POST_RELEASE_REFUND", "GIFT")).isEmpty());
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", example.replace("\"netEarningsCents\":0", "\"netEarningsCents\":-1")).isEmpty());
        String closed = EventSchemas.examples("contract-closed").getFirst();
        assertFalse(EventSchemas.violations("contract-closed", closed.replace("\"freelancerId\":\"f-1\",", "")).isEmpty());
    }
}
