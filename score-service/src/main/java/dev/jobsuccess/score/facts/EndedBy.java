package dev.jobsuccess.score.facts;

/** Who ended a contract (domain.md §d.1.1). Only a client's or the system's end reason is a score input (§c C16). */
public enum EndedBy {
    CLIENT,
    FREELANCER,
    SYSTEM
}
