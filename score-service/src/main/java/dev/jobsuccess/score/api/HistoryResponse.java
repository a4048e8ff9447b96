package dev.jobsuccess.score.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.scoring.ModelLabel;
import dev.jobsuccess.score.scoring.ScoreHistoryEntry;
import dev.jobsuccess.score.scoring.Trigger;

/** A page of a freelancer's score changes, newest first; each is one score-changed event. */
public record HistoryResponse(String freelancerId, ModelLabel model, int page, int size, long totalItems, List<Item> items) {

    public record Score(Integer jss, Window selectedWindow, Band band, List<Badge> badges) {}

    public record Cause(UUID eventId, String eventType, LocalDate snapshotDate) {}

    public record Item(LocalDate asOf, Instant computedAt, Trigger trigger, Cause cause, Score previous, Score current,
                       WindowsView windows, Integer eligibleWeeksLast16, UUID scoreChangedEventId) {

        static Item of(ScoreHistoryEntry e) {
            return new Item(e.asOf, e.computedAt, e.trigger, new Cause(e.causeEventId, e.causeEventType, e.causeSnapshotDate),
                    new Score(e.previousJss, e.previousSelectedWindow, e.previousBand, e.previousBadgeList()),
                    new Score(e.jss, e.selectedWindow, e.band, e.badgeList()),
                    new WindowsView(e.windowW24, e.windowW12, e.windowW6, e.windowW3, e.windowTrending),
                    e.eligibleWeeksLast16, e.scoreChangedEventId);
        }
    }
}
