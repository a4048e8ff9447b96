package dev.jobsuccess.chaos;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the driver's requests met, counted per attempt: overall, and during each kind of fault (an attempt made while
 * two faults run counts under both).
 */
final class Stats {

    enum Outcome { SENT, OK_2XX, CLIENT_4XX, SERVER_5XX, CONNECTION_ERROR }

    /** Index 0 is "all attempts"; 1 + ordinal() the attempts made while that fault kind was in effect; last: no fault. */
    private final AtomicLongArray counts = new AtomicLongArray((FaultKind.values().length + 2) * Outcome.values().length);
    private final Faults faults;

    Stats(Faults faults) {
        this.faults = faults;
    }

    void count(Outcome outcome, Set<FaultKind> during) {
        add(0, outcome);
        if (during.isEmpty()) {
            add(FaultKind.values().length + 1, outcome);
        }
        for (FaultKind k : during) {
            add(1 + k.ordinal(), outcome);
        }
    }

    Set<FaultKind> activeFaults() {
        return faults.active();
    }

    private void add(int row, Outcome outcome) {
        counts.incrementAndGet(row * Outcome.values().length + outcome.ordinal());
    }

    long get(int row, Outcome outcome) {
        return counts.get(row * Outcome.values().length + outcome.ordinal());
    }

    Map<Outcome, Long> row(int row) {
        Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            out.put(o, get(row, o));
        }
        return out;
    }
}
