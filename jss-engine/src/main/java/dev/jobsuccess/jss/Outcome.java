package dev.jobsuccess.jss;

/** The class a counted contract adds to its windows. */
public enum Outcome {
    SUCCESS,
    NEUTRAL,
    NEGATIVE
}
