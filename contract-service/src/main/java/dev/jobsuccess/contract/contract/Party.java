package dev.jobsuccess.contract.contract;

/** Who acted on a contract: one of its two parties, or the platform itself. */
public enum Party { CLIENT, FREELANCER, SYSTEM }
