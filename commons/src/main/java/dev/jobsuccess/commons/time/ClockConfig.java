package dev.jobsuccess.commons.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobsuccess.clock")
public interface ClockConfig {
    /** Whether PLATFORM callers may move this service's clock through /admin/clock (dev, test and demos only). */
    @WithDefault("false")
    boolean adjustable();
}
