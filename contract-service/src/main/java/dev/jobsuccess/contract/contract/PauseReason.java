package dev.jobsuccess.contract.contract;

public enum PauseReason { CLIENT, HOURLY_DISPUTE }
