package dev.jobsuccess.commons.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The trace of each event of the poll being applied on this thread: the consumer span the inbound handler started for
 * it, as a child of the trace its producer sent (with tracing off, that trace itself). What the appliers publish on
 * behalf of an event (score-service's score-changed, for the event that caused the change) runs in that event's
 * context, so one trace follows a contract's end from the request through every service.
 */
public final class InboundTraces {

    private static final ThreadLocal<Map<UUID, Context>> POLL = new ThreadLocal<>();

    private InboundTraces() {
    }

    /** Runs {@code work} with the events' contexts known to {@link #within}. */
    public static <R> R applying(Map<UUID, Context> contexts, Supplier<R> work) {
        Map<UUID, Context> before = POLL.get();
        POLL.set(new HashMap<>(contexts));
        try {
            return work.get();
        } finally {
            if (before == null) {
                POLL.remove();
            } else {
                POLL.set(before);
            }
        }
    }

    /** Runs {@code work} in the trace of event {@code eventId} of the poll being applied, or as it is when unknown. */
    public static <R> R within(UUID eventId, Supplier<R> work) {
        Map<UUID, Context> contexts = POLL.get();
        Context context = contexts == null || eventId == null ? null : contexts.get(eventId);
        if (context == null) {
            return work.get();
        }
        try (Scope ignored = context.makeCurrent()) {
            return work.get();
        }
    }
}
