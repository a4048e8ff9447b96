package dev.jobsuccess.commons.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobsuccess.idempotency")
public interface IdempotencyConfig {

    /** How long a key's first response is kept and replayed; Stripe keeps them at least 24 hours. */
    @WithDefault("PT24H")
    Duration retention();
}
