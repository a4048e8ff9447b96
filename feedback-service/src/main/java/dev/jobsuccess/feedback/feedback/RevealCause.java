package dev.jobsuccess.feedback.feedback;

/** Why a feedback became visible to the other party (§d.2 rule 3). */
public enum RevealCause { BOTH_SUBMITTED, WINDOW_EXPIRED }
