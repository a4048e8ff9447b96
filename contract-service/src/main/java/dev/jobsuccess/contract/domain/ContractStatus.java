package dev.jobsuccess.contract.domain;

public enum ContractStatus { ACTIVE, ENDED }
