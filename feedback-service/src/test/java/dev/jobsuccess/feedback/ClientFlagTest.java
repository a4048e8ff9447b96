package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.clientFeedback;
import static dev.jobsuccess.feedback.Api.freelancerFeedback;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.window.WindowCloseTimer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client flag of §d.3.3 from the freelancers' feedback on a client: at least 3 distinct freelancers and at least
 * 50% of them negative (private ≤ 6 or public overall < 3.50), or a suspension; client-flag-changed only on a change.
 */
@QuarkusTest
class ClientFlagTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final String TOPIC = "client-flag-changed";

    @Inject
    AdjustableClock clock;

    @Inject
    WindowCloseTimer windowTimer;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(Instant.parse("2025-05-11T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * A new contract of the client with this freelancer, the freelancer's feedback on the client, and the client's
     * feedback on the freelancer, which reveals both.
     */
    private static void freelancerRates(String clientId, String freelancerId, String body) {
        Contract k = ClosedContracts.closedContract(clientId, freelancerId, ENDED_AT, 50_000);
        submit(Api.freelancer(k), k.id(), body).statusCode(201);
        submit(Api.client(k), k.id(), clientFeedback(10, 5)).statusCode(201);
    }

    private static long flagEvents(String clientId) {
        return Events.written(TOPIC, "clientId", clientId);
    }

    private static boolean flagged(String clientId) {
        return count("SELECT count(*) FROM client_flag WHERE client_id = ?1 AND flagged", clientId) == 1;
    }

    @Test
    void aClientIsFlaggedWhenHalfOfAtLeastThreeFreelancersWereNegativeAndUnflaggedWhenNoLonger() {
        String c = newUser("c");
        String f1 = newUser("f");
        String f2 = newUser("f");
        String f3 = newUser("f");

        freelancerRates(c, f1, freelancerFeedback(3, 4));          // negative by the private rating
        // The client's own feedback on a freelancer says nothing about the client.
        Contract other = ClosedContracts.closedContract(c, newUser("f"), ENDED_AT, 50_000);
        submit(Api.client(other), other.id(), clientFeedback(0, 1)).statusCode(201);
        freelancerRates(c, f2, freelancerFeedback(10, 5));         // positive
        assertFalse(flagged(c), "two freelancers are not enough, whatever they said");
        assertEquals(0L, flagEvents(c));

        freelancerRates(c, f3, freelancerFeedback(9, 3));          // negative by the public overall 3.00 < 3.50
        assertTrue(flagged(c));
        assertEquals(1L, flagEvents(c));
        JsonNode flaggedEvent = Events.await(TOPIC, f3, "clientId", c, 1).getFirst();
        assertEquals("client.flag-changed", flaggedEvent.get("eventType").asText());
        assertTrue(flaggedEvent.get("flagged").asBoolean());
        assertEquals("POOR_COLLABORATION", flaggedEvent.get("reason").asText());
        assertEquals(3, flaggedEvent.get("distinctFreelancers").asInt());
        assertEquals(2, flaggedEvent.get("negativeFreelancers").asInt());
        assertEquals("2025-05-11T09:00:00Z", flaggedEvent.get("evaluatedAt").asText());
        assertEquals(f3, flaggedEvent.get("freelancerId").asText(), "keyed by the freelancer whose feedback changed it");

        // Still flagged: no new event. 3 of 6 is exactly 50%, which still flags.
        freelancerRates(c, newUser("f"), freelancerFeedback(2, 2));
        freelancerRates(c, newUser("f"), freelancerFeedback(10, 5));
        freelancerRates(c, newUser("f"), freelancerFeedback(9, 5));
        assertEquals(6, count("SELECT distinct_freelancers FROM client_flag WHERE client_id = ?1", c));
        assertEquals(3, count("SELECT negative_freelancers FROM client_flag WHERE client_id = ?1", c));
        assertTrue(flagged(c));
        assertEquals(1L, flagEvents(c));

        // f1 works for the client again and is happy now: counted once, by the latest feedback: 2 of 6 are negative.
        clock.pin(Instant.parse("2025-05-12T09:00:00Z"));
        freelancerRates(c, f1, freelancerFeedback(8, 4));
        assertFalse(flagged(c));
        assertEquals(2L, flagEvents(c));
        JsonNode cleared = Events.await(TOPIC, f1, "clientId", c, 1).getFirst();
        assertFalse(cleared.get("flagged").asBoolean());
        assertEquals("NONE", cleared.get("reason").asText());
        assertEquals(6, cleared.get("distinctFreelancers").asInt());
        assertEquals(2, cleared.get("negativeFreelancers").asInt());
    }

    @Test
    void onlyRevealedFeedbackMovesTheFlagSoNoOneLearnsAVerdictBeforeTheReveal() {
        String c = newUser("c");
        freelancerRates(c, newUser("f"), freelancerFeedback(3, 4));   // negative, revealed
        freelancerRates(c, newUser("f"), freelancerFeedback(10, 5));  // positive, revealed
        // The third freelancer's negative verdict is written, but the client has not written theirs: blind to all.
        Contract k = ClosedContracts.closedContract(c, newUser("f"), ENDED_AT, 50_000);
        submit(Api.freelancer(k), k.id(), freelancerFeedback(9, 3)).statusCode(201);
        assertFalse(flagged(c), "unrevealed feedback must not flag the client: the flag moves other freelancers' scores");
        assertEquals(2, count("SELECT distinct_freelancers FROM client_flag WHERE client_id = ?1", c));
        assertEquals(0L, flagEvents(c));

        // The window closes with no client feedback: the freelancer's feedback is revealed, and now it counts.
        clock.pin(k.closesAt().plusSeconds(1));
        ClosedContracts.closeDueWindows(windowTimer, k);
        assertTrue(flagged(c));
        assertEquals(3, count("SELECT distinct_freelancers FROM client_flag WHERE client_id = ?1", c));
        assertEquals(1L, flagEvents(c));
    }

    @Test
    void aSuspendedClientIsFlaggedByTheContractClosedThatSaysSo() {
        String c = newUser("c");
        String f = newUser("f");
        ObjectNode close = ClosedContracts.endedAt(c, f, ENDED_AT);
        close.put("endedBy", "SYSTEM");
        close.put("endReasonCode", "CLIENT_SUSPENDED");
        ClosedContracts.sendAndAwaitWindow(close);
        ClosedContracts.send(close);                                // redelivered
        ClosedContracts.sendAndAwaitWindow(ClosedContracts.endedAt(c, f, ENDED_AT));

        assertTrue(flagged(c));
        assertEquals(1L, flagEvents(c));
        JsonNode event = Events.await(TOPIC, f, "clientId", c, 1).getFirst();
        assertTrue(event.get("flagged").asBoolean());
        assertEquals("CLIENT_SUSPENDED", event.get("reason").asText());
        assertEquals(0, event.get("distinctFreelancers").asInt());

        // Good feedback later does not lift a suspension.
        for (String freelancer : List.of(newUser("f"), newUser("f"), newUser("f"))) {
            freelancerRates(c, freelancer, freelancerFeedback(10, 5));
        }
        assertTrue(flagged(c));
        assertEquals(1L, flagEvents(c));
        assertEquals(1L, count("SELECT count(*) FROM client_flag WHERE client_id = ?1 AND reason = 'CLIENT_SUSPENDED'"
                + " AND distinct_freelancers = 3 AND negative_freelancers = 0", c));
    }
}
