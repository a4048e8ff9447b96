package dev.jobsuccess.contract.contract;

public enum ContractType { FIXED_PRICE, HOURLY }
