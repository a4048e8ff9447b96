package dev.jobsuccess.feedback.feedback;

import java.time.Duration;
import java.util.List;

import dev.jobsuccess.feedback.party.Parties;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/** A contract's parties, its feedback window (null while the contract is open) and the feedback on it its audience may see. */
public record ContractFeedback(Parties parties, FeedbackWindow window, Audience audience, List<Feedback> feedback, Duration editWindow) {}
