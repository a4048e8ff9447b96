package dev.jobsuccess.feedback.flag;

/** Why a client is flagged (§d.3.3); NONE while not flagged. */
public enum FlagReason { POOR_COLLABORATION, CLIENT_SUSPENDED, NONE }
