package dev.jobsuccess.contract.timers;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.hourly.HourlyBilling;
import dev.jobsuccess.contract.hourly.WorkCalendar;

/** A billing week with logged time is invoiced the Monday after, at 12:00 UTC (domain.md §d.1.3). */
@Singleton
class MondayInvoice implements TimerRule {

    private final HourlyBilling hourly;

    MondayInvoice(HourlyBilling hourly) {
        this.hourly = hourly;
    }

    @Override
    public String dueSql() {
        return """
                SELECT t.contract_id, ((t.week_start + 7)::timestamp AT TIME ZONE 'UTC') + interval '12 hours' AS due
                  FROM time_entry t
                 WHERE t.week_start <= (?1 AT TIME ZONE 'UTC')::date - 7
                   AND NOT EXISTS (SELECT 1 FROM hourly_invoice i WHERE i.contract_id = t.contract_id AND i.week_start = t.week_start)""";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        if (c.type != ContractType.HOURLY || c.hourlyRateCents == null) {
            return null;
        }
        for (LocalDate week : hourly.uninvoicedWeeks(c)) {
            Instant at = WorkCalendar.invoiceAt(week);
            // Weeks come oldest first: if the oldest is not due yet, none is.
            return at.isAfter(now) ? null : new DueTimer(at, () -> hourly.invoice(c, week));
        }
        return null;
    }
}
