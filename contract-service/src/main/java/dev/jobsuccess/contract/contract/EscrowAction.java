package dev.jobsuccess.contract.contract;

/** What a client who ends a fixed-price contract with money in escrow does with it (PUB S35). */
public enum EscrowAction {
    /** Pay nothing: all escrow goes to an escrow refund request. */
    REQUEST_REFUND,
    /** Pay {@code payAmountCents} now; any rest goes to an escrow refund request. */
    PAY_AMOUNT
}
