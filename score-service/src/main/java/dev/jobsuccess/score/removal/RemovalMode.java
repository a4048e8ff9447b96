package dev.jobsuccess.score.removal;

/** The legacy perk's two modes (domain.md §b.3): the score only, or the score and the public profile. */
public enum RemovalMode {
    JSS_ONLY,
    JSS_AND_PROFILE
}
