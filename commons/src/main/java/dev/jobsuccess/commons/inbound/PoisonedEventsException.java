package dev.jobsuccess.commons.inbound;

import java.util.Map;

/**
 * Thrown by an {@link InboundApplier} when applying some events failed because of their own data (an engine
 * refusal, an overflow) rather than because of the infrastructure. The transaction rolls back; the handler applies
 * the other events without them, then these one at a time, and dead-letters those that fail alone.
 */
public class PoisonedEventsException extends RuntimeException {

    private final Map<Integer, String> reasonsByIndex;

    /** @param reasonsByIndex the failing events, by their index in the list given to the applier, with why */
    public PoisonedEventsException(Map<Integer, String> reasonsByIndex) {
        super(reasonsByIndex.size() + " event(s) could not be applied: " + reasonsByIndex.values());
        if (reasonsByIndex.isEmpty()) {
            throw new IllegalArgumentException("no poisoned events named");
        }
        this.reasonsByIndex = Map.copyOf(reasonsByIndex);
    }

    public Map<Integer, String> reasonsByIndex() {
        return reasonsByIndex;
    }
}
