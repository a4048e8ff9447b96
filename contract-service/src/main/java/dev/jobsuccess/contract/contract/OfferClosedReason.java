package dev.jobsuccess.contract.contract;

public enum OfferClosedReason { DECLINED, WITHDRAWN }
