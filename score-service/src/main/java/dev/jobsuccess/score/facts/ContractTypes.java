package dev.jobsuccess.score.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Each contract's type (HOURLY or FIXED_PRICE) as its contract-started reported it. Only the what-if needs it: how a
 * contract can end (escrow or not) depends on it, the score never does.
 */
@ApplicationScoped
public class ContractTypes {

    private final EntityManager em;

    ContractTypes(EntityManager em) {
        this.em = em;
    }

    /** The freelancer's contracts' types by contract id; a contract without a contract-started is absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<String, String> of(String freelancerId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT contract_id, contract_type FROM contract_start_fact WHERE freelancer_id = ?1")
                .setParameter(1, freelancerId).getResultList();
        Map<String, String> types = new HashMap<>();
        rows.forEach(r -> types.put((String) r[0], (String) r[1]));
        return types;
    }
}
