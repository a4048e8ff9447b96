package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.score.facts.IncomingFact;

/** A consumed event's JSON, read into the fact the score keeps. */
interface ScoreInput {

    /**
     * The fact, after checking the event is one of its topic in a version this service reads.
     *
     * @return null for a valid event that is no score input (e.g. a freelancer's feedback about a client)
     * @throws InvalidEventException when the event is not valid
     */
    IncomingFact toFact();
}
