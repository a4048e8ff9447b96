package dev.jobsuccess.contract.domain;

public enum OfferClosedReason { DECLINED, WITHDRAWN }
