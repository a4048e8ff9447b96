package dev.jobsuccess.jss.advisor;

import java.time.LocalDate;

/**
 * An account hold over whole UTC days, both included.
 *
 * @param until null while it runs
 */
public record HoldPeriod(LocalDate from, LocalDate until) {

    /** Whether the hold covered any day from {@code first} to {@code last}. */
    public boolean covers(LocalDate first, LocalDate last) {
        return !from.isAfter(last) && (until == null || !until.isBefore(first));
    }
}
