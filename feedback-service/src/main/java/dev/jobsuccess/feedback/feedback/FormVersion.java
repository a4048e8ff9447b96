package dev.jobsuccess.feedback.feedback;

/** The feedback form a submission used (domain.md §d.2.8). */
public enum FormVersion { LEGACY_2015, STREAMLINED_2025 }
