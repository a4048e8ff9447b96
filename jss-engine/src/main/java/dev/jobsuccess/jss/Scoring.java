package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From the counted contracts to window values and the displayed score (domain.md §d.3.5). Integer
 * arithmetic only: the same input always gives the same score on every machine.
 */
final class Scoring {

    /** What a counted contract brings to the windows. */
    record Entry(String clientId, Outcome outcome, int weightQ, LocalDate outcomeDate) {
    }

    /** The windows the displayed score may come from, in the order that wins ties. */
    private static final List<Window> CANDIDATES = List.of(Window.W24, Window.W12, Window.W6, Window.TRENDING);

    private Scoring() {
    }

    /** Every window's value, null where not computable; keyed W24, W12, W6, W3, TRENDING. */
    static Map<Window, Integer> windowValues(List<Entry> counted, LocalDate asOf, JssParams params) {
        Map<Window, Integer> values = new EnumMap<>(Window.class);
        for (Window window : Windows.ROLLING) {
            values.put(window, windowValue(window, counted, asOf, params));
        }
        values.put(Window.TRENDING, trending(values.get(Window.W3), values.get(Window.W6), params.rounding()));
        return values;
    }

    private static Integer windowValue(Window window, List<Entry> counted, LocalDate asOf, JssParams params) {
        long success = 0;
        long negative = 0;
        long total = 0;
        int contracts = 0;
        Set<String> clients = new HashSet<>();
        for (Entry entry : counted) {
            if (entry.outcomeDate() == null || !Windows.contains(window, entry.outcomeDate(), asOf)) {
                continue;
            }
            contracts++;
            clients.add(entry.clientId());
            total += entry.weightQ();
            switch (entry.outcome()) {
                case SUCCESS -> success += entry.weightQ();
                case NEGATIVE -> negative += entry.weightQ();
                case NEUTRAL -> { }
            }
        }
        return value(success, negative, total, contracts, clients.size(), params);
    }

    /**
     * A window's value from its totals: null unless it has the minimum counted contracts and distinct clients.
     * The minimum counts contracts, not weight: one long contract cannot make a score alone.
     */
    static Integer value(long success, long negative, long total, int contracts, int distinctClients, JssParams params) {
        if (contracts < params.minCountedContracts() || distinctClients < params.minDistinctClients()) {
            return null;
        }
        long numerator = switch (params.formula()) {
            case SUCCESS_RATIO -> success;
            case NET -> Math.max(success - negative, 0);
        };
        return percent(numerator, total, params.rounding());
    }

    /** {@code 100 × part / whole}, rounded; both are non-negative and whole is positive. */
    static int percent(long part, long whole, Rounding rounding) {
        long hundredfold = Math.multiplyExact(100L, part);
        long value = switch (rounding) {
            case FLOOR -> hundredfold / whole;
            case HALF_UP -> (2 * hundredfold + whole) / (2 * whole);
        };
        return Math.toIntExact(value);
    }

    /** The mean of W3 and W6, only when both exist: a recent trend needs a recent score to compare. */
    static Integer trending(Integer w3, Integer w6, Rounding rounding) {
        if (w3 == null || w6 == null) {
            return null;
        }
        int sum = w3 + w6;
        return switch (rounding) {
            case FLOOR -> sum / 2;
            case HALF_UP -> (sum + 1) / 2;
        };
    }

    /**
     * The best computable candidate. Scanning longest first and replacing only on a strictly higher
     * value sends ties to the longer window, and TRENDING last.
     */
    static Window select(Map<Window, Integer> values) {
        Window best = null;
        for (Window candidate : CANDIDATES) {
            Integer value = values.get(candidate);
            if (value != null && (best == null || value > values.get(best))) {
                best = candidate;
            }
        }
        return best;
    }
}
