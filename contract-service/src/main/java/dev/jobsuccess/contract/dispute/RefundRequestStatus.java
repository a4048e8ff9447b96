package dev.jobsuccess.contract.dispute;

public enum RefundRequestStatus { PENDING, APPROVED, TIMED_OUT, DISPUTED }
