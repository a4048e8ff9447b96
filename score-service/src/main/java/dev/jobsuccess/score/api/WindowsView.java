package dev.jobsuccess.score.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.jss.Window;

/** Every window's value, null where not computable, always all five keys. */
public record WindowsView(@JsonProperty("W24") Integer w24, @JsonProperty("W12") Integer w12, @JsonProperty("W6") Integer w6,
                          @JsonProperty("W3") Integer w3, @JsonProperty("TRENDING") Integer trending) {

    static WindowsView of(Map<Window, Integer> w) {
        return new WindowsView(w.get(Window.W24), w.get(Window.W12), w.get(Window.W6), w.get(Window.W3), w.get(Window.TRENDING));
    }
}
