package dev.jobsuccess.contract.contract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The feedback window that ending a contract opens (domain.md §d.2). */
public final class FeedbackWindow {

    private FeedbackWindow() {
    }

    /** 23:59:59.999 UTC on the {@code days}-th day after the end date. */
    public static Instant closesAt(Instant endedAt, int days) {
        return endedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(days + 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MILLIS);
    }
}
