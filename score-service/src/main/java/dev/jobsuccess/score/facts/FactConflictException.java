package dev.jobsuccess.score.facts;

/**
 * Two events disagree about who the parties of a contract are. Retrying cannot help and guessing
 * would score the wrong freelancer, so the event is refused (and ends in the dead-letter topic).
 */
public class FactConflictException extends RuntimeException {

    public FactConflictException(String message) {
        super(message);
    }
}
