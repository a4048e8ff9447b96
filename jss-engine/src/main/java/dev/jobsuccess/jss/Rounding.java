package dev.jobsuccess.jss;

/** How window percentages and Trending are rounded to whole points. */
public enum Rounding {
    FLOOR,
    HALF_UP
}
