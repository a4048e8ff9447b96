package dev.jobsuccess.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.jobsuccess.feedback.feedback.FormVersion;

/**
 * The feedback parameters of domain.md §d.7, with their defaults. Each can be overridden as
 * {@code jobsuccess.feedback.<name>} or by the environment (JOBSUCCESS_FEEDBACK_<NAME>). The window's length is not
 * among them: contract-service owns it and announces each window's end in contract-closed.
 */
@ConfigMapping(prefix = "jobsuccess.feedback")
public interface FeedbackConfig {

    /** The form new feedback is written on (§d.2 rule 8); a request that does not fit it is refused. */
    @WithDefault("LEGACY_2015")
    FormVersion formVersion();

    /** Public feedback shows on a profile only while the contract's net earnings are at least this (PUB S15, §d.2 rule 4). */
    @WithDefault("100")
    long publicVisibilityMinNetCents();

    /** Days the author has to edit the public part once its recipient allowed it (§d.2 rule 6). */
    @WithDefault("14")
    int editWindowDays();

    /** Days after the reveal the recipient has to write their one public reply (PUB S18). */
    @WithDefault("28")
    int replyDays();

    /** The window-close timer (read by the scheduler as ${jobsuccess.feedback.timer-interval}). */
    @WithDefault("10s")
    String timerInterval();

    /** Mid-contract feedback (§d.2 rule 1, PUB S17). */
    MidContract midContract();

    interface MidContract {

        /** The contract started at least this many days ago. */
        @WithDefault("30")
        int minDaysSinceStart();

        /** Money reached the freelancer within this many days. */
        @WithDefault("30")
        int paymentWithinDays();

        /** The client's previous mid-contract feedback on the contract is at least this many days old. */
        @WithDefault("30")
        int daysBetween();
    }

    /** The client flag (§d.3.3). */
    ClientFlag clientFlag();

    interface ClientFlag {

        /** At least this many distinct freelancers must have left feedback on the client. */
        @WithDefault("3")
        int minFreelancers();

        /** And at least this share of them, in percent, must have been negative. */
        @WithDefault("50")
        int negativeSharePercent();
    }
}
