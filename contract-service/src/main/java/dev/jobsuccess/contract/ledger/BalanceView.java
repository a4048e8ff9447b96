package dev.jobsuccess.contract.ledger;

import dev.jobsuccess.contract.contract.Contract;

/** A contract's money for its balance summary: the ledger view plus what only the domain knows. */
public record BalanceView(Contract contract, LedgerView ledger, long escrowRefundPendingCents, long refundableCents) {}
