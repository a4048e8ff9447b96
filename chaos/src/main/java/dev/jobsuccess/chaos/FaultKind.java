package dev.jobsuccess.chaos;

/** The faults the run injects, each from a schedule while the workload runs. */
enum FaultKind {
    /** kill -9 of a random replica, then a restart of it. */
    REPLICA_KILL("kill -9 + restart of a replica"),
    /** The broker stopped (SIGTERM, every third time kill -9), then started again on its data. */
    BROKER_STOP("broker stop + start"),
    /** pg_ctl restart of the run's PostgreSQL cluster (fast, every other time immediate). */
    POSTGRES_RESTART("PostgreSQL restart"),
    /** SIGSTOP of a replica for longer than the consumer's session and poll timeouts, then SIGCONT. */
    REPLICA_PAUSE("SIGSTOP + SIGCONT of a replica");

    final String label;

    FaultKind(String label) {
        this.label = label;
    }
}
