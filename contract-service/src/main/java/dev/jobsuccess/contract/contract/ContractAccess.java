package dev.jobsuccess.contract.contract;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.timers.ContractTimers;

/**
 * Every command goes through here: the contract row is locked (PESSIMISTIC_WRITE) so two commands on
 * one contract run one after the other, the caller must be the party acting in the required role
 * (anyone else gets 404 and learns nothing), and timers already due are applied first, so each
 * command sees the contract as it stands now. The timers run in a transaction of their own before the command's
 * lock: when they fail, the command still runs (see {@link ContractTimers#catchUpBeforeCommand}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContractAccess {

    private final ContractTimers timers;

    ContractAccess(ContractTimers timers) {
        this.timers = timers;
    }

    /** Locks the contract for a command the given party may take. */
    public Contract lockFor(UUID id, Actor actor, Party role) {
        timers.catchUpBeforeCommand(id, c -> actor.partyOn(c) == role);
        Contract c = Contract.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || actor.partyOn(c) != role) {
            throw ProblemException.notFound("contract", id);
        }
        return c;
    }

    /** The contract locked for an end, and who ends it: a party in its role, or the platform as SYSTEM. */
    public record Ender(Contract contract, Party party) {}

    public Ender lockForEnd(UUID id, Actor actor) {
        timers.catchUpBeforeCommand(id, c -> actor.platform() || actor.partyOn(c) != null);
        // The row lock makes two concurrent ends queue up: the second sees ENDED and gets 409.
        Contract c = Contract.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Party party = c == null ? null : actor.partyOn(c);
        if (party == null && c != null && actor.platform()) {
            party = Party.SYSTEM;
        }
        if (party == null) {
            throw ProblemException.notFound("contract", id);
        }
        return new Ender(c, party);
    }

    /** Locks the contract for a platform decision (mediation, arbitration, suspension). */
    public Contract lockForPlatform(UUID id, Actor actor) {
        if (!actor.platform()) {
            throw ProblemException.notFound("contract", id);
        }
        timers.catchUpBeforeCommand(id, c -> true);
        Contract c = Contract.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("contract", id);
        }
        return c;
    }

    /** A contract its parties and the platform may read; others learn nothing, not even that it exists. */
    public Contract read(UUID id, Actor actor) {
        Contract c = Contract.findById(id);
        if (c == null || (!actor.platform() && actor.partyOn(c) == null)) {
            throw ProblemException.notFound("contract", id);
        }
        return c;
    }
}
