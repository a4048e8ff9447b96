package dev.jobsuccess.contract.domain;

public enum PauseReason { CLIENT, HOURLY_DISPUTE }
