package dev.jobsuccess.score.scoring;

import java.util.List;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/**
 * The part of a score whose change is announced: the displayed value, where it comes from, its band and
 * the badges (in declaration order, so two snapshots compare by value).
 */
public record ScoreSnapshot(Integer jss, Window selectedWindow, Band band, List<Badge> badges) {

    public ScoreSnapshot {
        badges = badges.stream().sorted().toList();
    }
}
