package dev.jobsuccess.contract.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The 14-day feedback window that ending a contract opens (domain.md §d.2). */
public final class FeedbackWindow {

    public static final int DAYS = 14;

    private FeedbackWindow() {
    }

    /** 23:59:59.999 UTC on the 14th day after the end date. */
    public static Instant closesAt(Instant endedAt) {
        return endedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(DAYS + 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MILLIS);
    }
}
