package dev.jobsuccess.jss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's output (jss-engine-api.md "Response").
 *
 * @param jss the displayed score, or null when no candidate window is computable
 * @param selectedWindow the window the displayed score comes from, or null
 * @param band the band of the displayed score, or null
 * @param windows every window's value in the order W24, W12, W6, W3, TRENDING; null where not computable
 * @param contracts one result per request contract, in request order
 */
public record JssResult(Integer jss, Window selectedWindow, Band band, Map<Window, Integer> windows,
                        List<ContractResult> contracts) {

    public JssResult {
        // Not Map.copyOf: the values may be null, and callers rely on every key being there in this order.
        Map<Window, Integer> ordered = new LinkedHashMap<>();
        for (Window window : Window.values()) {
            ordered.put(window, windows.get(window));
        }
        windows = Collections.unmodifiableMap(ordered);
        contracts = List.copyOf(contracts);
    }
}
