package dev.jobsuccess.contract.ledger;

/** Why a closed contract's net earnings (or dispute outcome) changed: the cause of contract-earnings-adjusted. */
public enum AdjustmentCause {
    /** A disputed escrow refund request ended with money to the freelancer: the client stayed silent, or mediation agreed. */
    ESCROW_REFUND_RESOLVED,
    /** The freelancer refunded money already paid. */
    POST_RELEASE_REFUND,
    /** The client paid a bonus after the end. */
    BONUS,
    /** An hourly dispute was settled (its undisputed or awarded part cleared, or the client won). */
    HOURLY_DISPUTE,
    /** The arbitration outcome was recorded, or arbitration lapsed with no fee paid. */
    ARBITRATION,
    /** The last week's invoice cleared its client review after the end. */
    HOURLY_INVOICE,
    /** The client accepted the freelancer's dispute and released the escrow. */
    ESCROW_RELEASE
}
