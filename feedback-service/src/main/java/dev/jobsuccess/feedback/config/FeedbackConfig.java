package dev.jobsuccess.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The feedback parameters of domain.md §d.7, with their defaults. Each can be overridden as
 * {@code jobsuccess.feedback.<name>} or by the environment (JOBSUCCESS_FEEDBACK_<NAME>).
 */
@ConfigMapping(prefix = "jobsuccess.feedback")
public interface FeedbackConfig {

    /**
     * Days of the feedback window an ended contract gets (PUB, §d.2). contract-service announces the window with its
     * own jobsuccess.contract.feedback-window-days; the two must be set alike.
     */
    @WithDefault("14")
    int windowDays();
}
