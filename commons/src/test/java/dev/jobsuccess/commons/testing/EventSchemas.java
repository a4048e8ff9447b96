package dev.jobsuccess.commons.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event JSON Schemas of docs/events/, copied onto each service's test classpath under events/.
 * Producers validate what they emit; consumers feed themselves the schema's examples.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** e.g. schemaNode("contract-closed") reads events/contract-closed.schema.json. */
    public static JsonNode schemaNode(String eventName) {
        String path = "/events/" + eventName + ".schema.json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of the event's schema, empty when the JSON is valid. */
    public static Set<String> violations(String eventName, String eventJson) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode(eventName));
        try {
            return schema.validate(JSON.readTree(eventJson)).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws with every violation listed unless the JSON is valid against the event's schema. */
    public static void assertValid(String eventName, String eventJson) {
        Set<String> errors = violations(eventName, eventJson);
        if (!errors.isEmpty()) {
            throw new AssertionError(eventName + " does not match its schema: " + errors + "\n" + eventJson);
        }
    }

    /** The schema's own examples, as JSON strings. */
    public static List<String> examples(String eventName) {
        List<String> out = new ArrayList<>();
        for (JsonNode example : schemaNode(eventName).path("examples")) {
            out.add(example.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(eventName + " schema has no examples");
        }
        return out;
    }
}
