package dev.jobsuccess.feedback.flag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.feedback.config.FeedbackConfig;
import dev.jobsuccess.feedback.messaging.FeedbackEvents;

/**
 * Keeps each client's flag (§d.3.3) current from the freelancers' feedback on them and from suspensions, and
 * publishes client-flag-changed when, and only when, the flag's value changes.
 */
@ApplicationScoped
public class ClientFlagService {

    private static final Logger LOG = Logger.getLogger(ClientFlagService.class);

    private final EntityManager em;
    private final FeedbackEvents events;
    private final ClientFlagRule rule;

    ClientFlagService(EntityManager em, FeedbackEvents events, FeedbackConfig config) {
        this.em = em;
        this.events = events;
        this.rule = new ClientFlagRule(config.clientFlag().minFreelancers(), config.clientFlag().negativeSharePercent());
    }

    /** Evaluates the client anew after a freelancer's feedback on them was revealed or edited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void feedbackChanged(String clientId, String freelancerId, Instant now) {
        ClientFlag flag = ClientFlag.lockFor(clientId, now);
        apply(flag, flag.suspended, freelancerId, now);
    }

    /** The platform suspended the client (a CLIENT_SUSPENDED end): flagged for good. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspended(String clientId, String freelancerId, Instant now) {
        ClientFlag flag = ClientFlag.lockFor(clientId, now);
        apply(flag, true, freelancerId, now);
    }

    private void apply(ClientFlag flag, boolean suspended, String freelancerId, Instant now) {
        ClientFlagRule.Evaluation e = rule.evaluate(assessmentsOf(flag.clientId), suspended);
        boolean changed = e.flagged() != flag.flagged;
        flag.flagged = e.flagged();
        flag.reason = e.reason();
        flag.suspended = suspended;
        flag.distinctFreelancers = e.distinctFreelancers();
        flag.negativeFreelancers = e.negativeFreelancers();
        flag.evaluatedAt = now;
        if (changed) {
            LOG.infof("client %s is %s (%s: %d of %d freelancers negative)", flag.clientId,
                    flag.flagged ? "flagged" : "no longer flagged", flag.reason, flag.negativeFreelancers, flag.distinctFreelancers);
            events.clientFlagChanged(flag, freelancerId);
        }
    }

    /** Each freelancer's latest revealed feedback on the client: unrevealed feedback is still blind to everyone. */
    private List<ClientFlagRule.Assessment> assessmentsOf(String clientId) {
        em.flush(); // the feedback this transaction just wrote or edited counts
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (author_id) author_id, recommend_score, overall
                        FROM feedback WHERE author_role = 'FREELANCER' AND subject_id = ?1 AND revealed_at IS NOT NULL
                        ORDER BY author_id, submitted_at DESC, id DESC""")
                .setParameter(1, clientId)
                .getResultList();
        return rows.stream().map(r -> new ClientFlagRule.Assessment((String) r[0],
                r[1] == null ? null : ((Number) r[1]).intValue(), (BigDecimal) r[2])).toList();
    }
}
