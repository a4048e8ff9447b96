package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Which dates the rolling windows cover (domain.md §d.3.5, jss-engine-api.md clarification 1). */
final class Windows {

    /** The windows that span dates, longest first; TRENDING is derived from two of them. */
    static final List<Window> ROLLING = List.of(Window.W24, Window.W12, Window.W6, Window.W3);

    private Windows() {
    }

    /**
     * The window's first day, inclusive. {@code minusMonths} clamps only a day the target month lacks
     * (2025-03-31 → 2025-02-28), which is the reading clarification 1 fixes.
     */
    static LocalDate start(Window window, LocalDate asOf) {
        return asOf.minusMonths(window.months());
    }

    static boolean contains(Window window, LocalDate date, LocalDate asOf) {
        return !date.isBefore(start(window, asOf)) && !date.isAfter(asOf);
    }

    /** The rolling windows an outcome dated {@code date} lies in, longest first. */
    static List<Window> containing(LocalDate date, LocalDate asOf) {
        List<Window> windows = new ArrayList<>();
        for (Window window : ROLLING) {
            if (contains(window, date, asOf)) {
                windows.add(window);
            }
        }
        return windows;
    }
}
