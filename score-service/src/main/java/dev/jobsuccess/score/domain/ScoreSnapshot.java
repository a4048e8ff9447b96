package dev.jobsuccess.score.domain;

import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Window;

/** The part of a score whose change is announced: the displayed value, where it comes from, and its band. */
public record ScoreSnapshot(Integer jss, Window selectedWindow, Band band) {
}
