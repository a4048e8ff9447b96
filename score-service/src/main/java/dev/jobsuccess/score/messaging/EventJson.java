package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.score.facts.Earning;
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

    /** One item of a contract event's optional {@code earnings}: a movement of its net earnings. */
    record EarningItem(Instant at, Long amountCents) {}

    /**
     * The optional {@code earnings} of a contract event: null when the producer did not send it (events published before
     * it existed), otherwise every item whole.
     */
    static List<Earning> earnings(List<EarningItem> items) {
        if (items == null) {
            return null;
        }
        List<Earning> out = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EarningItem item = items.get(i);
            String field = "earnings[" + i + "]";
            required(item, field);
            out.add(new Earning(required(item.at(), field + ".at"), required(item.amountCents(), field + ".amountCents")));
        }
        return out;
    }

    static void expect(Object expected, Object actual, String field) {
        if (!Objects.equals(expected, actual)) {
            throw new InvalidEventException(field + " must be " + expected + ", was " + actual);
        }
    }
}
