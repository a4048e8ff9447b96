package dev.jobsuccess.contract.domain;

public enum DisputeStatus { AWAITING_CLIENT, IN_MEDIATION, ARBITRATION_OFFERED, RESOLVED }
