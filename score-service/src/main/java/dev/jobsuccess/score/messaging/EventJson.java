package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

/** Reads a record's String value into one of this service's event records. */
final class EventJson {

    private EventJson() {
    }

    static <T> T read(ObjectReader reader, String payload) {
        String type = reader.getValueType().getRawClass().getSimpleName();
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException("empty record where a " + type + " was expected");
        }
        try {
            return reader.readValue(payload);
        } catch (JsonProcessingException e) {
            // The original message names the field without quoting the payload, which may hold private ratings.
            throw new InvalidEventException("not a readable " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Throws naming the field when a required value is missing. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
        return value;
    }

    /** A required list of instants without nulls. */
    static List<Instant> instants(List<Instant> instants, String field) {
        required(instants, field);
        if (instants.contains(null)) {
            throw new InvalidEventException(field + " must not contain null");
        }
        return instants;
    }

    static void expect(Object expected, Object actual, String field) {
        if (!Objects.equals(expected, actual)) {
            throw new InvalidEventException(field + " must be " + expected + ", was " + actual);
        }
    }
}
