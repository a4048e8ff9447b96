package dev.jobsuccess.score.scoring;

/** Which client feedback a computation may use. */
public enum Visibility {
    /** Only feedback the freelancer may already know: revealed, or its window closed (the published score). */
    PUBLISHED,
    /** Also unrevealed feedback: for PLATFORM's what-if only. */
    ALL
}
