package dev.jobsuccess.feedback.domain;

import java.time.Duration;
import java.util.List;

/** A contract's feedback window and the feedback on it its audience may see. */
public record ContractFeedback(FeedbackWindow window, Audience audience, List<Feedback> feedback, Duration editWindow) {}
