package dev.jobsuccess.feedback.feedback;

import java.time.Duration;
import java.util.List;

import dev.jobsuccess.feedback.window.FeedbackWindow;

/** A contract's feedback window and the feedback on it its audience may see. */
public record ContractFeedback(FeedbackWindow window, Audience audience, List<Feedback> feedback, Duration editWindow) {}
