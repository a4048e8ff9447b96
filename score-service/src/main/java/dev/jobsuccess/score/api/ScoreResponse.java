package dev.jobsuccess.score.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.scoring.ModelLabel;
import dev.jobsuccess.score.scoring.PublishedScore;
import dev.jobsuccess.score.scoring.ScoreModel;

/**
 * A freelancer's published score. {@code reason} says why {@code jss} is null ("CODE: explanation");
 * {@code computedAt} is null when nothing was ever computed for the freelancer; {@code badges} are those of
 * the last snapshot, and {@code eligibleWeeksLast16} how many of the last 16 weekly snapshots counted toward
 * Top Rated (null until a snapshot evaluated them). {@code stale} is true when an event of the freelancer could not be
 * applied (it went to the dead-letter topic): the score is the last one published before it, until operators fix the
 * cause and rebuild the freelancer. {@code model} says whose score this is: this system's model, and its version.
 */
public record ScoreResponse(String freelancerId, Integer jss, Window selectedWindow, Band band, WindowsView windows,
                            List<Badge> badges, Integer eligibleWeeksLast16, LocalDate asOf, Instant computedAt,
                            String reason, boolean stale, ModelLabel model) {

    static ScoreResponse of(PublishedScore s, ScoreModel model) {
        return new ScoreResponse(s.freelancerId(), s.jss(), s.selectedWindow(), s.band(), WindowsView.of(s.windows()),
                s.badges(), s.eligibleWeeksLast16(), s.asOf(), s.computedAt(),
                s.noScoreReason() == null ? null : s.noScoreReason().explanation(model.params()), s.stale(), model.label());
    }
}
