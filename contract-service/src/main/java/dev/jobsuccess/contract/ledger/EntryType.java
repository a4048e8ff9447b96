package dev.jobsuccess.contract.ledger;

/** The ledger's entry types, domain.md §d.1.4; each names one debit → credit movement. */
public enum EntryType {
    /** client funding → escrow: a milestone is funded. */
    ESCROW_DEPOSIT,
    /** escrow → freelancer pending: approve, auto-approve, release(x), dispute won. */
    ESCROW_RELEASE,
    /** escrow → client funding: refund approved or timed out, freelancer-ended, dispute or arbitration. */
    ESCROW_REFUND,
    /** client funding → freelancer in review: the Monday invoice. */
    HOURLY_CHARGE,
    /** freelancer in review → pending: the client review ended (Friday 23:59:59 UTC) or a dispute settled. */
    HOURLY_REVIEW_CLEARED,
    /** freelancer in review → client funding: an hourly dispute the client won (in whole or part). */
    HOURLY_DISPUTE_REFUND,
    /** client funding → freelancer pending. */
    BONUS,
    /** freelancer pending → platform fees, with each release, cleared hourly charge or bonus. */
    SERVICE_FEE,
    /** freelancer pending → available, when the security hold ends. */
    SECURITY_CLEARED,
    /** freelancer available → client funding: a refund the freelancer issues after payment. */
    POST_RELEASE_REFUND,
    /** platform fees → freelancer available: the fee's share of a post-release refund. */
    SERVICE_FEE_REVERSAL,
    /**
     * client funding or freelancer available → platform arbitration: a party's arbitration fee (PUB S38), posted when the
     * platform records that the party paid it. No part of net earnings, whoever pays.
     */
    ARBITRATION_FEE
}
