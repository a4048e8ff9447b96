package dev.jobsuccess.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The bench's events are what the real producers publish: valid against docs/events (no servers, nothing timed). */
class BenchEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventMatchesItsSchema() throws Exception {
        BenchEvents.Contract happy = new BenchEvents.Contract("k-1", "f-1", "c-1", Instant.now().minus(Duration.ofDays(3)), 50_000, 5, 10);
        BenchEvents.Contract unhappy = new BenchEvents.Contract("k-2", "f-1", "c-2", Instant.now().minus(Duration.ofDays(300)), 0, 2, 3);
        for (BenchEvents.Contract c : new BenchEvents.Contract[] {happy, unhappy}) {
            for (BenchEvents.Event e : BenchEvents.of(c)) {
                assertEquals("f-1", e.key());
                assertEquals(e.eventId(), JSON.readTree(e.json()).get("eventId").asText());
                Set<String> errors = violations(e.topic(), e.json());
                assertTrue(errors.isEmpty(), e.topic() + ": " + errors + "\n" + e.json());
            }
        }
    }

    private static Set<String> violations(String topic, String json) throws Exception {
        try (InputStream in = BenchEventsTest.class.getResourceAsStream("/events/" + topic + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in))
                    .validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        }
    }
}
