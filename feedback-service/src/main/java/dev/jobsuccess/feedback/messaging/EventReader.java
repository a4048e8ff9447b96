package dev.jobsuccess.feedback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an incoming record's JSON value; a value that cannot be read is unreadable for good. */
final class EventReader {

    private EventReader() {
    }

    static <T> T read(ObjectMapper json, String payload, String topic, Class<T> type) {
        if (payload == null) {
            throw new UnreadableEventException(topic + " record without a value");
        }
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(topic + " record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
