package dev.jobsuccess.feedback.domain;

/** What an author tells only the platform: it feeds the score but is never shown to the subject (domain.md §d.2.7). */
public record PrivateFeedback(int recommendScore, EndReason endReasonCode, String note) {}
