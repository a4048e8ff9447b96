package dev.jobsuccess.feedback.domain;

/** What an author writes for everyone to read once it is revealed. */
public record PublicFeedback(Scores scores, String comment) {}
