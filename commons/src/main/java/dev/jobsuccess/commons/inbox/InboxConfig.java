package dev.jobsuccess.commons.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobsuccess.inbox")
public interface InboxConfig {

    /**
     * How long an applied event's inbox row is kept. It must exceed the broker's retention of the topics and of their
     * dead-letter topics (7 days: bin/infra's log.retention.hours=168), so any event Kafka can still deliver, or a
     * replay can take from a dead-letter topic, still finds its row and is dropped rather than applied twice.
     */
    @WithDefault("P14D")
    Duration retention();

    /** How many rows one purge statement deletes: each batch is its own short transaction, so no lock is held long. */
    @WithDefault("5000")
    int purgeBatchSize();
}
