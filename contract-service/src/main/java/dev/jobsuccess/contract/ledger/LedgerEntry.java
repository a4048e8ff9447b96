package dev.jobsuccess.contract.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One double-entry movement of {@code amountCents} from the debit to the credit account. Inserted, never changed. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "contract_id", nullable = false, updatable = false)
    public UUID contractId;
    @Column(name = "entry_no", nullable = false, updatable = false)
    public long entryNo;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, updatable = false)
    public EntryType entryType;
    @Column(name = "debit_account", nullable = false, updatable = false)
    public String debitAccount;
    @Column(name = "credit_account", nullable = false, updatable = false)
    public String creditAccount;
    @Column(name = "amount_cents", nullable = false, updatable = false)
    public long amountCents;
    @Column(name = "effective_at", nullable = false, updatable = false)
    public Instant effectiveAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "milestone_id", updatable = false)
    public UUID milestoneId;
    @Column(name = "invoice_id", updatable = false)
    public UUID invoiceId;
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    public String idempotencyKey;

    protected LedgerEntry() {
    }

    LedgerEntry(UUID contractId, long entryNo, EntryType entryType, String debitAccount, String creditAccount, long amountCents,
                Instant effectiveAt, Instant createdAt, UUID milestoneId, UUID invoiceId, String idempotencyKey) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a ledger entry moves a positive amount, not " + amountCents);
        }
        if (debitAccount.equals(creditAccount)) {
            throw new IllegalArgumentException("a ledger entry moves money between two accounts");
        }
        this.contractId = contractId;
        this.entryNo = entryNo;
        this.entryType = entryType;
        this.debitAccount = debitAccount;
        this.creditAccount = creditAccount;
        this.amountCents = amountCents;
        this.effectiveAt = effectiveAt;
        this.createdAt = createdAt;
        this.milestoneId = milestoneId;
        this.invoiceId = invoiceId;
        this.idempotencyKey = idempotencyKey;
    }
}
