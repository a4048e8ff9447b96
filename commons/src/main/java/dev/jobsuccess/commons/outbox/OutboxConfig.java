package dev.jobsuccess.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobsuccess.outbox")
public interface OutboxConfig {
    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay looks for unsent events (read by the scheduler as ${jobsuccess.outbox.poll-interval});
     * a commit that wrote events also wakes the relay at once, so this bounds only the retry delay.
     */
    @WithDefault("1s")
    String pollInterval();

    /** How many events one relay round sends before it commits. */
    @WithDefault("200")
    int batchSize();

    /** How long a relay round waits for Kafka's acknowledgements before it gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Sent events are kept this long for inspection, then deleted. */
    @WithDefault("P7D")
    Duration retention();
}
