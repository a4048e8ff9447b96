package dev.jobsuccess.contract.hourly;

/**
 * An hourly invoice: IN_REVIEW from Monday noon to Friday 23:59:59 UTC, then PENDING (security hold),
 * then AVAILABLE on the following Wednesday. A client dispute makes it DISPUTED (the freelancer answers)
 * and, when contested, DISPUTE_UNDER_REVIEW (the platform decides). NOT_BILLED: nothing billable that week.
 */
public enum InvoiceStatus { NOT_BILLED, IN_REVIEW, DISPUTED, DISPUTE_UNDER_REVIEW, PENDING, AVAILABLE, REFUNDED }
