package dev.jobsuccess.commons.inbound;

/**
 * A consumed record that is not a valid event of its topic. Retrying cannot fix it: it goes to the topic's
 * dead-letter topic, and the consumer moves on.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
