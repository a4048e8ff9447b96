package dev.jobsuccess.contract.contract;

/** Why an offer ended without a contract: the freelancer declined, the client withdrew, or nobody answered in time. */
public enum OfferClosedReason { DECLINED, WITHDRAWN, EXPIRED }
