package dev.jobsuccess.jss;

/** The score's windows (domain.md §d.3.5), longest first; TRENDING combines W6 and W3. */
public enum Window {
    W24(24),
    W12(12),
    W6(6),
    W3(3),
    TRENDING(null);

    private final Integer months;

    Window(Integer months) {
        this.months = months;
    }

    /** The window's length in calendar months, or null for TRENDING, which is not a span of dates. */
    public Integer months() {
        return months;
    }
}
