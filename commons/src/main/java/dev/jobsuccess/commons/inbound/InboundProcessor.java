package dev.jobsuccess.commons.inbound;

/**
 * A service's side of the inbound path: how it reads a record, and how it applies the new events of a poll. The
 * service that consumes declares one such bean; {@link InboundConsumer} feeds it.
 */
public interface InboundProcessor<T> extends EventReader<T>, InboundApplier<T> {

    /** The consumer's name in the inbox (its record of which events it has applied). */
    String consumerName();
}
