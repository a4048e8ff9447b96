package dev.jobsuccess.contract.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.jobsuccess.contract.contract.Contract;

/**
 * Posts ledger entries (inserts only) and reads balances back as sums. Every entry of a contract is
 * numbered from the contract's locked row, and every entry carries an idempotency key derived from
 * the action that posted it, so neither two writers nor a repeated timer action can post twice.
 *
 * <p>A transaction reads a contract's entries from the database once and then keeps them, with what it posts
 * itself, so a command that checks its balance, posts, and publishes the result costs one query instead of one per
 * look (a bonus looked seven times). A command holds the contract's row lock before its first look, so no other
 * transaction can post to the contract meanwhile.
 */
@ApplicationScoped
public class Ledger {

    private final Clock clock;
    private final TransactionSynchronizationRegistry transaction;

    Ledger(Clock clock, TransactionSynchronizationRegistry transaction) {
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Starts the entries of one action; {@code actionKey} must identify the action uniquely and repeatably. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posting posting(Contract c, String actionKey, Instant effectiveAt) {
        return new Posting(c, actionKey, effectiveAt);
    }

    /** Every entry of the contract, in the order they were posted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> entries(UUID contractId) {
        return List.copyOf(read(contractId));
    }

    /** This transaction's entries of the contract: read once, then kept in step with what it posts. */
    private List<LedgerEntry> read(UUID contractId) {
        return readThisTransaction().computeIfAbsent(contractId,
                id -> new ArrayList<>(LedgerEntry.<LedgerEntry>list("contractId = ?1 order by entryNo", id)));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<LedgerEntry>> readThisTransaction() {
        var read = (Map<UUID, List<LedgerEntry>>) transaction.getResource(Ledger.class);
        if (read == null) {
            read = new HashMap<>();
            transaction.putResource(Ledger.class, read);
        }
        return read;
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
            List<LedgerEntry> read = readThisTransaction().get(contract.id);
            if (read != null) {
                read.add(e);
            }
            return e;
        }
    }
}
