package dev.jobsuccess.contract.dispute;

public enum DisputeStatus { AWAITING_CLIENT, IN_MEDIATION, ARBITRATION_OFFERED, RESOLVED }
