package dev.jobsuccess.feedback.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.paging.KeysetCursor;
import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.party.Actor;
import dev.jobsuccess.feedback.party.Party;

/**
 * A user's feedback, a keyset page at a time: what they gave (newest first, revealed or not: they wrote it), and what
 * they received once revealed (newest reveal first, public part only: the double-blind and private-part rules of
 * {@link Audience} hold in a list as on a contract). PLATFORM lists any user's, everything.
 */
@ApplicationScoped
public class FeedbackListing {

    public enum Direction { GIVEN, RECEIVED }

    /**
     * @param role for a party: only as this party (null: every party the token grants)
     * @param userId for PLATFORM: whose feedback
     * @param cursor the previous page's nextCursor, or null for the first page
     */
    public record Query(Direction direction, Party role, String userId, int limit, String cursor) {}

    /** One feedback and the audience it is shown to. */
    public record Listed(Feedback feedback, Audience audience) {}

    /** @param nextCursor null on the last page */
    public record Page(List<Listed> feedback, String nextCursor) {}

    private final EntityManager em;

    FeedbackListing(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Page list(Actor actor, Query q) {
        boolean given = q.direction() == Direction.GIVEN;
        // A party's received feedback appears when revealed, in the order it was; PLATFORM sees it from its submission.
        String key = given || actor.platform() ? "submitted_at" : "revealed_at";
        String order = q.direction() + (actor.platform() ? "_ALL" : "");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        String user;
        if (actor.platform()) {
            if (q.userId() == null) {
                throw ProblemException.badRequest("userId", "is required: PLATFORM lists one user's feedback");
            }
            if (q.role() != null) {
                throw ProblemException.badRequest("role", "is for a party listing their own feedback");
            }
            user = q.userId();
            parts.add((given ? "author_id" : "subject_id") + " = :user");
        } else {
            if (q.userId() != null) {
                throw ProblemException.forbidden("NOT_YOUR_FEEDBACK", "only PLATFORM may list another user's feedback");
            }
            if (q.role() != null && !actor.roles().contains(q.role())) {
                throw ProblemException.forbidden("ROLE_NOT_HELD", "the token does not grant the role " + q.role());
            }
            user = actor.userId();
            for (Party party : List.of(Party.CLIENT, Party.FREELANCER)) {
                if (actor.roles().contains(party) && (q.role() == null || q.role() == party)) {
                    // As a party, they wrote feedback with their own role and received the other party's.
                    Party author = given ? party : party.counterpart();
                    parts.add((given ? "author_id" : "subject_id") + " = :user AND author_role = '" + author.name() + "'"
                            + (given ? "" : " AND revealed_at IS NOT NULL"));
                }
            }
            if (parts.isEmpty()) {
                return new Page(List.of(), null);
            }
        }
        params.put("user", user);
        String after = "";
        if (q.cursor() != null) {
            KeysetCursor cursor = KeysetCursor.decode(q.cursor(), order);
            after = " AND (" + key + ", id) < (:afterKey, :afterId)";
            params.put("afterKey", cursor.key());
            params.put("afterId", cursor.id());
        }
        String sort = " ORDER BY " + key + " DESC, id DESC LIMIT :limit";
        params.put("limit", q.limit() + 1);
        StringBuilder sql = new StringBuilder();
        for (String part : parts) {
            sql.append(sql.isEmpty() ? "" : " UNION ").append("(SELECT * FROM feedback WHERE ").append(part).append(after)
                    .append(sort).append(")");
        }
        var query = em.createNativeQuery(parts.size() == 1 ? sql.toString() : "SELECT * FROM (" + sql + ") AS mine" + sort,
                Feedback.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Feedback> rows = query.getResultList();
        List<Feedback> page = rows.size() > q.limit() ? rows.subList(0, q.limit()) : rows;
        List<Listed> listed = page.stream().map(f -> new Listed(f, audience(actor, f, given))).toList();
        if (rows.size() <= q.limit()) {
            return new Page(listed, null);
        }
        Feedback last = page.getLast();
        Instant lastKey = key.equals("revealed_at") ? last.revealedAt : last.submittedAt;
        return new Page(listed, new KeysetCursor(lastKey, last.id).encode(order));
    }

    /** Who the feedback is shown to: the platform, its author (given), or its subject (received). */
    private static Audience audience(Actor actor, Feedback f, boolean given) {
        if (actor.platform()) {
            return Audience.PLATFORM;
        }
        return Audience.of(given ? f.authorRole : f.authorRole.counterpart());
    }
}
