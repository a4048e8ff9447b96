package dev.jobsuccess.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.testing.EventSchemas;

/** The schemas this service owns are draft 2020-12, carry examples, and their examples are valid. */
class EventSchemasTest {

    @Test
    void theSchemasExamplesAreValid() {
        for (String event : new String[] {"contract-started", "contract-payment-recorded", "contract-closed",
                "contract-earnings-adjusted", "contract-dormancy-notice"}) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", EventSchemas.schemaNode(event).get("$schema").asText());
            assertFalse(EventSchemas.examples(event).isEmpty());
            for (String example : EventSchemas.examples(event)) {
                EventSchemas.assertValid(event, example);
            }
        }
    }

    @Test
    void everyExamplesEarningsSumToItsNetEarningsInAscendingOrder() {
        for (String event : new String[] {"contract-payment-recorded", "contract-closed", "contract-earnings-adjusted"}) {
            assertFalse(EventSchemas.schemaNode(event).get("required").toString().contains("\"earnings\""),
                    event + ": older events lack earnings, so it stays optional");
            for (String example : EventSchemas.examples(event)) {
                JsonNode e = json(example);
                long net = e.has("money") ? e.at("/money/netEarningsCents").asLong() : e.get("netEarningsCents").asLong();
                long sum = 0;
                String last = "";
                for (JsonNode item : e.get("earnings")) {
                    sum += item.get("amountCents").asLong();
                    assertTrue(item.get("at").asText().compareTo(last) >= 0, event + ": ascending by at " + example);
                    last = item.get("at").asText();
                }
                assertEquals(net, sum, event + ": the earnings sum to netEarningsCents " + example);
                String withoutEarnings = example.replaceFirst(",\"earnings\":\\[[^\\]]*\\]", "");
                assertFalse(withoutEarnings.contains("\"earnings\""), withoutEarnings);
                EventSchemas.assertValid(event, withoutEarnings);
            }
        }
        String adjusted = EventSchemas.examples("contract-earnings-adjusted").getFirst();
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", adjusted.replace("\"amountCents\":-50000", "\"amountCents\":0")).isEmpty());
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", adjusted.replace("\"amountCents\":-50000", "\"amountCents\":-5.5")).isEmpty());
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", adjusted.replace("{\"at\":\"2025-06-22T09:00:00Z\",", "{")).isEmpty());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSchemasRefuseWhatTheyDoNotDescribe() {
        String example = EventSchemas.examples("contract-earnings-adjusted").getFirst();
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", example.replace("POST_RELEASE_REFUND", "GIFT")).isEmpty());
        assertFalse(EventSchemas.violations("contract-earnings-adjusted", example.replace("\"netEarningsCents\":0", "\"netEarningsCents\":-1")).isEmpty());
        String notice = EventSchemas.examples("contract-dormancy-notice").getFirst();
        assertFalse(EventSchemas.violations("contract-dormancy-notice", notice.replace("\"escrowHeldCents\":50000", "\"escrowHeldCents\":0")).isEmpty());
        assertFalse(EventSchemas.violations("contract-dormancy-notice", notice.replace("\"noticeDay\":76,", "")).isEmpty());
        String closed = EventSchemas.examples("contract-closed").getFirst();
        assertFalse(EventSchemas.violations("contract-closed", closed.replace("\"freelancerId\":\"f-1\",", "")).isEmpty());
    }
}
