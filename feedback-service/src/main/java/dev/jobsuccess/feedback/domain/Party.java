package dev.jobsuccess.feedback.domain;

/** Who ended a contract or wrote a feedback: one of its two parties, or (for ends only) the platform itself. */
public enum Party { CLIENT, FREELANCER, SYSTEM }
