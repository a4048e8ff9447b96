package dev.jobsuccess.contract.domain;

public enum ContractType { FIXED_PRICE, HOURLY }
