package dev.jobsuccess.contract.timers;

import java.time.Instant;

/** A timer action due at {@code at}; applying it must change the state that made it due, or it would fire again. */
record DueTimer(Instant at, Runnable action) {

    /** The earlier of two (either may be null); on a tie the first, so the order of the rules breaks ties. */
    static DueTimer earlier(DueTimer a, DueTimer b) {
        if (a == null) {
            return b;
        }
        return b != null && b.at().isBefore(a.at()) ? b : a;
    }
}
