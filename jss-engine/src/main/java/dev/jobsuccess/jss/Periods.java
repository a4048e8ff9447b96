package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 90-day periods of a contract (domain.md §d.3.4, §d.3.6; jss-engine-api.md clarification 2).
 * Period k is {@code [startedAt + 90k, startedAt + 90(k+1))}; it is full once its end is on or
 * before the limit date.
 */
final class Periods {

    static final int PERIOD_DAYS = 90;

    private Periods() {
    }

    /** How many periods since {@code startedAt} are full by {@code limit}. */
    static long fullPeriods(LocalDate startedAt, LocalDate limit) {
        long days = ChronoUnit.DAYS.between(startedAt, limit);
        return days <= 0 ? 0 : days / PERIOD_DAYS;
    }

    /**
     * How many of the full periods by {@code limit} hold at least one payment. Payments after
     * {@code asOf} are ignored, as everywhere; those before the start belong to no period.
     */
    static long paidFullPeriods(LocalDate startedAt, LocalDate limit, List<LocalDate> payments, LocalDate asOf) {
        long full = fullPeriods(startedAt, limit);
        Set<Long> paid = new HashSet<>();
        for (LocalDate payment : payments) {
            if (payment.isAfter(asOf) || payment.isBefore(startedAt)) {
                continue;
            }
            long period = ChronoUnit.DAYS.between(startedAt, payment) / PERIOD_DAYS;
            if (period < full) {
                paid.add(period);
            }
        }
        return paid.size();
    }

    /** The latest payment on or before {@code asOf}. */
    static Optional<LocalDate> latestPayment(List<LocalDate> payments, LocalDate asOf) {
        return payments.stream().filter(p -> !p.isAfter(asOf)).max(LocalDate::compareTo);
    }

    /**
     * The date a contract's length bonus is measured to: its end, but never past the snapshot
     * (clarification 8). An open contract is measured to the snapshot.
     */
    static LocalDate bonusLimit(ContractRecord c, LocalDate asOf) {
        boolean endedBefore = c.status() == ContractStatus.ENDED && c.endedAt().isBefore(asOf);
        return endedBefore ? c.endedAt() : asOf;
    }
}
