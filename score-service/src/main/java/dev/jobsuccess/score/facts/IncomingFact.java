package dev.jobsuccess.score.facts;

import java.util.Objects;

/** A fact read from a consumed event, with the event it came from. */
public record IncomingFact(EventCause cause, Fact fact) {

    public IncomingFact {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(fact, "fact");
    }
}
