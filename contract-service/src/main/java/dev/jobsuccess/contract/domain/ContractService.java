package dev.jobsuccess.contract.domain;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.messaging.ContractEvents;

/** Owns the transactions: each command loads, changes and, where it matters, writes its event atomically. */
@ApplicationScoped
public class ContractService {

    private final Clock clock;
    private final ContractEvents events;

    ContractService(Clock clock, ContractEvents events) {
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Contract create(String clientId, String freelancerId, ContractType type, String title, String category) {
        Contract c = Contract.start(clientId, freelancerId, type, title, category, clock.instant());
        c.persist();
        return c;
    }

    /** A contract the user is a party of; others learn nothing, not even that it exists. */
    @Transactional
    public Contract visibleTo(UUID id, Actor actor) {
        Contract c = Contract.findById(id);
        if (c == null || (!actor.platform() && actor.partyOn(c) == null)) {
            throw ProblemException.notFound("contract", id);
        }
        return c;
    }

    @Transactional
    public Contract end(UUID id, Actor actor, EndReason reason, long paidCents) {
        // The row lock makes two concurrent ends queue up: the second sees ENDED and gets 409.
        Contract c = Contract.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Party party = c == null ? null : actor.partyOn(c);
        if (party == null) {
            throw ProblemException.notFound("contract", id);
        }
        c.end(party, reason, paidCents, clock.instant());
        events.closed(c);
        return c;
    }
}
