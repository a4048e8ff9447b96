package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Stores facts, each in its own table, and says whose score each one may move. */
@ApplicationScoped
public class FactStore {

    private final EntityManager em;

    FactStore(EntityManager em) {
        this.em = em;
    }

    /**
     * A contract's parties never change. The first event naming a contract registers them; an event
     * naming other parties is refused rather than allowed to move a score it does not belong to.
     *
     * @return why the fact conflicts with what is stored, or empty when it does not
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> conflict(Fact fact, EventCause cause) {
        Parties parties = Parties.of(fact);
        if (parties == null) {
            return Optional.empty();
        }
        em.createNativeQuery("""
                        INSERT INTO contract_party (contract_id, freelancer_id, client_id) VALUES (?1, ?2, ?3)
                        ON CONFLICT (contract_id) DO NOTHING""")
                .setParameter(1, parties.contractId())
                .setParameter(2, parties.freelancerId())
                .setParameter(3, parties.clientId())
                .executeUpdate();
        Object[] stored = (Object[]) em.createNativeQuery(
                        "SELECT freelancer_id, client_id FROM contract_party WHERE contract_id = ?1")
                .setParameter(1, parties.contractId())
                .getSingleResult();
        if (parties.freelancerId().equals(stored[0]) && parties.clientId().equals(stored[1])) {
            return Optional.empty();
        }
        return Optional.of("contract " + parties.contractId() + " is between client " + stored[1] + " and freelancer "
                + stored[0] + ", but " + cause.eventType() + " " + cause.eventId() + " names client " + parties.clientId()
                + " and freelancer " + parties.freelancerId());
    }

    /**
     * Stores the fact (replays and older reports change nothing) and returns the freelancers whose score
     * it may have moved: none when the stored facts did not change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> store(Fact fact, EventCause cause, Instant now) {
        boolean changed = switch (fact) {
            case ClosedContract c -> ContractFact.recordClosed(c, cause.eventId(), now);
            case EarningsAdjustment a -> ContractAdjustmentFact.record(a, cause.eventId(), now);
            case StartedContract s -> ContractStartFact.record(s, cause.eventId(), now);
            case OpenContractPayment p -> ContractPaymentFact.record(p, cause.eventId(), now);
            case ClientFeedback f -> f.midContract() ? PeriodicFeedbackFact.record(f, cause.eventId(), now)
                    : ClientFeedbackFact.recordSubmitted(f, cause.eventId(), now);
            case FeedbackReveal r -> FeedbackRevealFact.record(r, cause.eventId(), now);
            case FeedbackWindowClose w -> FeedbackWindowFact.record(w, cause.eventId(), now);
            case ClientFlag f -> ClientFlagFact.record(f, cause.eventId(), now);
        };
        if (!changed) {
            return Set.of();
        }
        return switch (fact) {
            // A flag applies retroactively to every freelancer who worked with the client.
            case ClientFlag f -> Set.copyOf(freelancersOfClient(f.clientId()));
            default -> Set.of(Parties.of(fact).freelancerId());
        };
    }

    @SuppressWarnings("unchecked")
    private List<String> freelancersOfClient(String clientId) {
        em.flush();
        return em.createNativeQuery("""
                        SELECT freelancer_id FROM contract_fact WHERE client_id = ?1
                        UNION SELECT freelancer_id FROM contract_start_fact WHERE client_id = ?1
                        UNION SELECT freelancer_id FROM contract_payment_fact WHERE client_id = ?1""")
                .setParameter(1, clientId).getResultList();
    }

    /** Who a contract-level fact says the contract is between. */
    private record Parties(String contractId, String freelancerId, String clientId) {

        static Parties of(Fact fact) {
            return switch (fact) {
                case ClosedContract c -> new Parties(c.contractId(), c.freelancerId(), c.clientId());
                case EarningsAdjustment a -> new Parties(a.contractId(), a.freelancerId(), a.clientId());
                case StartedContract s -> new Parties(s.contractId(), s.freelancerId(), s.clientId());
                case OpenContractPayment p -> new Parties(p.contractId(), p.freelancerId(), p.clientId());
                case ClientFeedback f -> new Parties(f.contractId(), f.freelancerId(), f.clientId());
                case FeedbackReveal r -> new Parties(r.contractId(), r.freelancerId(), r.clientId());
                case FeedbackWindowClose w -> new Parties(w.contractId(), w.freelancerId(), w.clientId());
                case ClientFlag f -> null;
            };
        }
    }
}
