package dev.jobsuccess.contract.contract;

/**
 * domain.md §d.1.1: OFFER_PENDING → ACTIVE (accept) or OFFER_CANCELLED (decline, withdraw, expire);
 * ACTIVE ⇄ PAUSED; ACTIVE|PAUSED → ENDED. OFFER_CANCELLED and ENDED are terminal.
 */
public enum ContractStatus {
    OFFER_PENDING, OFFER_CANCELLED, ACTIVE, PAUSED, ENDED;

    public boolean running() {
        return this == ACTIVE || this == PAUSED;
    }
}
