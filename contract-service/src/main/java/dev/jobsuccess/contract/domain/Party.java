package dev.jobsuccess.contract.domain;

/** Who acted on a contract: one of its two parties, or the platform itself. */
public enum Party { CLIENT, FREELANCER, SYSTEM }
