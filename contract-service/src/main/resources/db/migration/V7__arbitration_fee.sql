-- A party's arbitration fee (PUB S38; $291 a party, COMM K13) goes to platform:arbitration (domain.md §d.1.4) as its own
-- entry type, so no sum of net earnings or service fees ever counts it.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_entry_type_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_entry_type_check
    CHECK (entry_type IN ('ESCROW_DEPOSIT', 'ESCROW_RELEASE', 'ESCROW_REFUND', 'HOURLY_CHARGE', 'HOURLY_REVIEW_CLEARED',
                          'HOURLY_DISPUTE_REFUND', 'BONUS', 'SERVICE_FEE', 'SECURITY_CLEARED', 'POST_RELEASE_REFUND',
                          'SERVICE_FEE_REVERSAL', 'ARBITRATION_FEE'));
