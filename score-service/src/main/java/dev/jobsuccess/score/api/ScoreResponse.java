package dev.jobsuccess.score.api;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.domain.PublishedScore;

/**
 * A freelancer's published score. {@code reason} says why {@code jss} is null ("CODE: explanation");
 * {@code computedAt} is null when nothing was ever computed for the freelancer.
 */
public record ScoreResponse(String freelancerId, Integer jss, Window selectedWindow, Band band, Windows windows,
                            LocalDate asOf, Instant computedAt, String reason) {

    public record Windows(@JsonProperty("W24") Integer w24, @JsonProperty("W12") Integer w12,
                          @JsonProperty("W6") Integer w6, @JsonProperty("W3") Integer w3,
                          @JsonProperty("TRENDING") Integer trending) {}

    static ScoreResponse of(PublishedScore s) {
        var w = s.windows();
        return new ScoreResponse(s.freelancerId(), s.jss(), s.selectedWindow(), s.band(),
                new Windows(w.get(Window.W24), w.get(Window.W12), w.get(Window.W6), w.get(Window.W3), w.get(Window.TRENDING)),
                s.asOf(), s.computedAt(), s.noScoreReason() == null ? null : s.noScoreReason().explanation());
    }
}
