package dev.jobsuccess.contract.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.jobsuccess.contract.contract.Contract;

/**
 * A contract's money derived from its ledger entries as of an instant: account balances (credits
 * minus debits), totals per entry type, net earnings, payment instants and each change of net earnings
 * ({@code earnings}, ascending by instant). Nothing here is stored.
 */
public record LedgerView(Instant asOf, Map<String, Long> balances, Map<EntryType, Long> totals, List<Instant> paymentInstants,
                         List<EarningsChange> earnings, int entryCount) {

    static LedgerView of(Contract c, List<LedgerEntry> entries, Instant asOf) {
        Map<String, Long> balances = new TreeMap<>();
        Map<EntryType, Long> totals = new EnumMap<>(EntryType.class);
        TreeSet<Instant> payments = new TreeSet<>();
        List<EarningsChange> earnings = new ArrayList<>();
        int count = 0;
        for (LedgerEntry e : entries) {
            if (e.effectiveAt.isAfter(asOf)) {
                continue;
            }
            count++;
            balances.merge(e.creditAccount, e.amountCents, Math::addExact);
            balances.merge(e.debitAccount, -e.amountCents, Math::addExact);
            totals.merge(e.entryType, e.amountCents, Math::addExact);
            if (e.entryType == EntryType.ESCROW_RELEASE || e.entryType == EntryType.BONUS
                    || e.entryType == EntryType.HOURLY_REVIEW_CLEARED) {
                payments.add(e.effectiveAt);
            }
            // Exactly the terms of netEarningsCents(), so the items sum to it before its floor at 0.
            switch (e.entryType) {
                case ESCROW_RELEASE, HOURLY_REVIEW_CLEARED, BONUS -> earnings.add(new EarningsChange(e.effectiveAt, e.amountCents));
                case POST_RELEASE_REFUND -> earnings.add(new EarningsChange(e.effectiveAt, -e.amountCents));
                default -> { }
            }
        }
        // Entries come in posting order, which a timer catching up may post with earlier effective instants: sort
        // (stably, so entries of one instant keep their posting order).
        earnings.sort(Comparator.comparing(EarningsChange::at));
        return new LedgerView(asOf, balances, totals, List.copyOf(payments), List.copyOf(earnings), count);
    }

    public long balance(String account) {
        return balances.getOrDefault(account, 0L);
    }

    public long total(EntryType type) {
        return totals.getOrDefault(type, 0L);
    }

    public long grossReleasedCents() {
        return total(EntryType.ESCROW_RELEASE);
    }

    /**
     * Hourly charges whose client review is over, less hourly-dispute refunds: an invoice leaves review
     * exactly when its charge minus its refund moves on as HOURLY_REVIEW_CLEARED.
     */
    public long hourlyChargedCents() {
        return total(EntryType.HOURLY_REVIEW_CLEARED);
    }

    public long bonusCents() {
        return total(EntryType.BONUS);
    }

    public long refundedCents() {
        return total(EntryType.POST_RELEASE_REFUND);
    }

    /**
     * domain.md §d.1.4: Σ ESCROW_RELEASE + Σ HOURLY_CHARGE(out of review) + Σ BONUS − Σ HOURLY_DISPUTE_REFUND
     * − Σ POST_RELEASE_REFUND, before fees, never below 0.
     */
    public long netEarningsCents() {
        return Math.max(0, grossReleasedCents() + hourlyChargedCents() + bonusCents() - refundedCents());
    }

    /** The sum of all balances; zero for every double-entry ledger. */
    public long sumOfBalances() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
