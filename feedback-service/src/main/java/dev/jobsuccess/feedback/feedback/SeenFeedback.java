package dev.jobsuccess.feedback.feedback;

import java.time.Duration;

/** One feedback and the audience it is shown to, which decides how much of it they see. */
public record SeenFeedback(Feedback feedback, Audience audience, Duration editWindow) {}
