package dev.jobsuccess.feedback.domain;

import java.util.List;

/** A contract's feedback window and its feedback, for one audience. */
public record ContractFeedback(FeedbackWindow window, Audience audience, List<Feedback> feedback) {}
