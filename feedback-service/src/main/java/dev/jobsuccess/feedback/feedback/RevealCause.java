package dev.jobsuccess.feedback.feedback;

/**
 * Why a feedback became visible to the other party: the double blind ended (§d.2 rule 3), or it is mid-contract feedback,
 * public from its submission (§d.2 rule 1).
 */
public enum RevealCause { BOTH_SUBMITTED, WINDOW_EXPIRED, MID_CONTRACT }
