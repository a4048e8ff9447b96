package dev.jobsuccess.contract.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.contract.contract.Contract;

/**
 * Posts ledger entries (inserts only) and reads balances back as sums. Every entry of a contract is
 * numbered from the contract's locked row, and every entry carries an idempotency key derived from
 * the action that posted it, so neither two writers nor a repeated timer action can post twice.
 */
@ApplicationScoped
public class Ledger {

    private final Clock clock;

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Starts the entries of one action; {@code actionKey} must identify the action uniquely and repeatably. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posting posting(Contract c, String actionKey, Instant effectiveAt) {
        return new Posting(c, actionKey, effectiveAt);
    }

    /** Every entry of the contract, in the order they were posted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> entries(UUID contractId) {
        return LedgerEntry.list("contractId = ?1 order by entryNo", contractId);
    }

    /** The contract's money as of an instant: entries effective after it are left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerView view(Contract c, Instant asOf) {
        return LedgerView.of(c, entries(c.id), asOf);
    }

    /** The contract's money including every entry posted so far. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerView view(Contract c) {
        return LedgerView.of(c, entries(c.id), Instant.MAX);
    }

    /** The entries of one action, numbered in order; the first entry that cannot be posted fails the transaction. */
    public final class Posting {
        private final Contract contract;
        private final String actionKey;
        private final Instant effectiveAt;
        private int index;

        private Posting(Contract contract, String actionKey, Instant effectiveAt) {
            this.contract = contract;
            this.actionKey = actionKey;
            this.effectiveAt = effectiveAt;
        }

        public Instant effectiveAt() {
            return effectiveAt;
        }

        public String actionKey() {
            return actionKey;
        }

        public LedgerEntry entry(EntryType type, String debit, String credit, long amountCents, UUID milestoneId, UUID invoiceId) {
            contract.ledgerEntries++;
            index++;
            LedgerEntry e = new LedgerEntry(contract.id, contract.ledgerEntries, type, debit, credit, amountCents, effectiveAt,
                    clock.instant(), milestoneId, invoiceId, actionKey + "#" + index);
            e.persist();
            return e;
        }
    }
}
