package dev.jobsuccess.commons.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not live once the consumer's thread died (an error it cannot retry): only a restart brings it back, and without this
 * check every replica could sit unready for good. A poll being retried, however long, is readiness' business, not this.
 */
@Liveness
@ApplicationScoped
public class InboundConsumerLiveness implements HealthCheck {

    private final InboundConsumer consumer;

    InboundConsumerLiveness(@Readiness InboundConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("inbound-consumer-thread").status(consumer.threadAlive()).build();
    }
}
