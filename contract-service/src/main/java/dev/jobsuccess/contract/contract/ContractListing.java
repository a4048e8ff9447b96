package dev.jobsuccess.contract.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.paging.KeysetCursor;
import dev.jobsuccess.commons.problem.ProblemException;

/**
 * Lists contracts a page at a time: a party's own (as client, as freelancer, or both), or any party's for PLATFORM.
 * Pages are keyset pages: the cursor names the last contract shown, so contracts created meanwhile neither repeat nor
 * shift a page, and a page costs the same however deep it is.
 */
@ApplicationScoped
public class ContractListing {

    /** The order of a listing; the ENDED ones list ended contracts only. */
    public enum Sort {
        CREATED_DESC("created_at", false), CREATED_ASC("created_at", true), ENDED_DESC("ended_at", false),
        ENDED_ASC("ended_at", true);

        private final String column;
        private final boolean ascending;

        Sort(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }
    }

    /**
     * @param role for a party: only the contracts where they are this party (null: either)
     * @param counterparty for a party: only the contracts with this other party
     * @param clientId for PLATFORM: only this client's contracts
     * @param freelancerId for PLATFORM: only this freelancer's contracts
     * @param endedFrom only contracts ended at or after this instant
     * @param endedBefore only contracts ended before this instant
     * @param cursor the previous page's nextCursor, or null for the first page
     */
    public record Query(Party role, Set<ContractStatus> statuses, ContractType type, String counterparty, String clientId,
                        String freelancerId, Instant endedFrom, Instant endedBefore, Sort sort, int limit, String cursor) {}

    /** @param nextCursor null on the last page */
    public record Page(List<Contract> contracts, String nextCursor) {}

    private final EntityManager em;

    ContractListing(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Page list(Actor actor, Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder filters = new StringBuilder();
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            filters.append(" AND status IN (:statuses)");
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (q.type() != null) {
            filters.append(" AND contract_type = :type");
            params.put("type", q.type().name());
        }
        if (q.endedFrom() != null) {
            filters.append(" AND ended_at >= :endedFrom");
            params.put("endedFrom", q.endedFrom());
        }
        if (q.endedBefore() != null) {
            filters.append(" AND ended_at < :endedBefore");
            params.put("endedBefore", q.endedBefore());
        }
        if (q.sort().column.equals("ended_at")) {
            filters.append(" AND ended_at IS NOT NULL");
        }
        if (q.cursor() != null) {
            KeysetCursor after = KeysetCursor.decode(q.cursor(), q.sort().name());
            filters.append(" AND (").append(q.sort().column).append(", id) ").append(q.sort().ascending ? ">" : "<")
                    .append(" (:afterKey, :afterId)");
            params.put("afterKey", after.key());
            params.put("afterId", after.id());
        }
        String order = " ORDER BY " + q.sort().column + (q.sort().ascending ? " ASC" : " DESC") + ", id"
                + (q.sort().ascending ? " ASC" : " DESC") + " LIMIT :limit";
        params.put("limit", q.limit() + 1);

        List<String> parts = new ArrayList<>();
        if (actor.platform()) {
            if (q.role() != null || q.counterparty() != null) {
                throw ProblemException.badRequest(q.role() != null ? "role" : "counterparty",
                        "is for a party listing their own contracts; PLATFORM filters by clientId and freelancerId");
            }
            StringBuilder where = new StringBuilder("TRUE");
            if (q.clientId() != null) {
                where.append(" AND client_id = :clientId");
                params.put("clientId", q.clientId());
            }
            if (q.freelancerId() != null) {
                where.append(" AND freelancer_id = :freelancerId");
                params.put("freelancerId", q.freelancerId());
            }
            parts.add(where.toString());
        } else {
            if (q.clientId() != null || q.freelancerId() != null) {
                throw ProblemException.forbidden("NOT_YOUR_CONTRACTS", "only PLATFORM may list other parties' contracts; "
                        + "a party lists their own, with role and counterparty");
            }
            if (q.role() != null && !actor.roles().contains(q.role())) {
                throw ProblemException.forbidden("ROLE_NOT_HELD", "the token does not grant the role " + q.role());
            }
            params.put("me", actor.userId());
            if (q.counterparty() != null) {
                params.put("counterparty", q.counterparty());
            }
            for (Party party : List.of(Party.CLIENT, Party.FREELANCER)) {
                if (actor.roles().contains(party) && (q.role() == null || q.role() == party)) {
                    boolean asClient = party == Party.CLIENT;
                    parts.add((asClient ? "client_id" : "freelancer_id") + " = :me"
                            + (q.counterparty() == null ? "" : " AND " + (asClient ? "freelancer_id" : "client_id") + " = :counterparty"));
                }
            }
            if (parts.isEmpty()) {
                return new Page(List.of(), null);
            }
        }
        // One ordered, limited scan per role, each along its own index, then the best of both.
        StringBuilder sql = new StringBuilder();
        for (String part : parts) {
            sql.append(sql.isEmpty() ? "" : " UNION ").append("(SELECT * FROM contract WHERE ").append(part).append(filters)
                    .append(order).append(")");
        }
        String query = parts.size() == 1 ? sql.toString()
                : "SELECT * FROM (" + sql + ") AS mine" + order;
        var nativeQuery = em.createNativeQuery(query, Contract.class);
        params.forEach(nativeQuery::setParameter);
        @SuppressWarnings("unchecked")
        List<Contract> rows = nativeQuery.getResultList();
        if (rows.size() <= q.limit()) {
            return new Page(rows, null);
        }
        List<Contract> page = rows.subList(0, q.limit());
        Contract last = page.getLast();
        return new Page(List.copyOf(page), new KeysetCursor(q.sort() == Sort.CREATED_DESC || q.sort() == Sort.CREATED_ASC
                ? last.createdAt : last.endedAt, last.id).encode(q.sort().name()));
    }
}
