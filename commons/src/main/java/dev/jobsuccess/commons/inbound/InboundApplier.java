package dev.jobsuccess.commons.inbound;

import java.util.List;

/** What a service does with the new events of a poll: its domain's part of the inbound path. */
public interface InboundApplier<T> {

    /** An event refused for good (it contradicts stored state), and why; it is dead-lettered, not marked applied. */
    record Rejection(int index, String reason) {}

    /**
     * Applies the events, in their order, inside the caller's transaction. The events are valid and new (not in the
     * inbox); the list holds each event id once.
     *
     * @return the refused events, by index in {@code events}
     * @throws PoisonedEventsException when some events' own data made applying them fail
     */
    List<Rejection> apply(List<InboundEvent<T>> events);

    /** Called in a transaction of its own once an event was dead-lettered because applying it failed. */
    default void poisoned(InboundEvent<T> event, String reason) {
    }
}
