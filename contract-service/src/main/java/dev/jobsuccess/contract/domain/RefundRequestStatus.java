package dev.jobsuccess.contract.domain;

public enum RefundRequestStatus { PENDING, APPROVED, TIMED_OUT, DISPUTED }
