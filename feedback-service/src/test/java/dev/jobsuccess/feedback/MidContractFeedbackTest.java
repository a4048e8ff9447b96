package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.MID_CONTRACT;
import static dev.jobsuccess.feedback.Api.midContract;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.OpenContracts.Open;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mid-contract feedback (domain.md §d.2 rule 1, PUB S17, C11), through contract-started and contract-payment-recorded
 * and the REST API: the client's public part alone, on an ACTIVE contract 30 days old with a payment in the last 30 days
 * and no mid-contract feedback in the last 30 days; public at once, on the profile under rule 4, published for
 * score-service with midContract true; the end-of-contract feedback works as before beside it.
 */
@QuarkusTest
class MidContractFeedbackTest {

    static final Instant STARTED = Instant.parse("2025-01-06T09:00:00Z");
    static final Instant DAY_40 = STARTED.plus(Duration.ofDays(40));

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String client(Open k) {
        return bearer(k.clientId(), "CLIENT");
    }

    private static String freelancer(Open k) {
        return bearer(k.freelancerId(), "FREELANCER");
    }

    private static long feedbackOn(Open k) {
        return count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id());
    }

    @Test
    void theClientsMidContractFeedbackIsPublicAtOnceListedAndPublishedWithoutAPrivatePart() {
        Open k = OpenContracts.started(STARTED);
        OpenContracts.paid(k, 50_000, STARTED.plus(Duration.ofDays(35)), STARTED.plus(Duration.ofDays(35)));
        clock.pin(DAY_40);

        String id = midContract(client(k), k.id(), MID_CONTRACT).statusCode(201)
                .body("midContract", equalTo(true)).body("authorRole", equalTo("CLIENT")).body("subjectId", equalTo(k.freelancerId()))
                .body("revealedAt", equalTo(DAY_40.toString())).body("revealCause", equalTo("MID_CONTRACT"))
                .body("visibleOnProfile", equalTo(true)).body("public.overall", equalTo(4.67f))
                .body("$", not(org.hamcrest.Matchers.hasKey("private")))
                .extract().path("feedbackId");

        // The freelancer sees it at once on the contract (which has no window yet), in their list, and on the profile.
        read(freelancer(k), k.id()).statusCode(200).body("windowClosesAt", nullValue()).body("windowClosed", equalTo(false))
                .body("feedback", hasSize(1)).body("feedback[0].feedbackId", equalTo(id))
                .body("feedback[0].midContract", equalTo(true)).body("feedback[0].public.comment", equalTo("Good progress so far"));
        given().header("Authorization", freelancer(k)).get("/feedback").then().statusCode(200)
                .body("feedback[0].feedbackId", equalTo(id)).body("feedback[0].midContract", equalTo(true));
        profile(bearer(newUser("c"), "CLIENT"), k.freelancerId(), "").statusCode(200).body("total", equalTo(1))
                .body("items[0].feedbackId", equalTo(id)).body("items[0].midContract", equalTo(true));

        // feedback-submitted for score-service: midContract, no private part, no window; valid against its schema.
        JsonNode event = Events.await("feedback-submitted", k.freelancerId(), "feedbackId", id, 1).getFirst();
        assertTrue(event.get("midContract").asBoolean());
        assertTrue(event.get("private").isNull(), event.toString());
        assertTrue(event.get("windowClosesAt").isNull(), event.toString());
        assertEquals(k.clientId(), event.get("clientId").asText());
        // No double blind to end: feedback-revealed is about end-of-contract feedback.
        assertEquals(0, Events.written("feedback-revealed", k.id()));
    }

    @Test
    void everyThirtyDaysWhileItIsPaidAndTheEndOfContractFeedbackStillWorksBesideIt() {
        Open k = OpenContracts.started(STARTED);
        OpenContracts.paid(k, 50_000, STARTED.plus(Duration.ofDays(39)), STARTED.plus(Duration.ofDays(39)));
        clock.pin(DAY_40);
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(201);

        // 29 days on, the payment is 30 days old and still counts; the last feedback is too recent.
        clock.pin(DAY_40.plus(Duration.ofDays(29)));
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("MID_CONTRACT_FEEDBACK_TOO_RECENT"));
        // 30 days on, the last payment is 31 days old.
        clock.pin(DAY_40.plus(Duration.ofDays(30)));
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("NO_RECENT_PAYMENT"));
        OpenContracts.paid(k, 90_000, STARTED.plus(Duration.ofDays(65)), STARTED.plus(Duration.ofDays(39)), STARTED.plus(Duration.ofDays(65)));
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(201);
        assertEquals(2, feedbackOn(k));

        // The contract ends: mid-contract feedback is over, and each party leaves their end-of-contract feedback once.
        Instant ended = DAY_40.plus(Duration.ofDays(31));
        ObjectNode close = ClosedContracts.endedAt(k.clientId(), k.freelancerId(), ended);
        close.put("contractId", k.id());
        close.put("startedAt", STARTED.toString());
        ClosedContracts.sendAndAwaitWindow(ClosedContracts.withNetEarnings(close, 90_000));
        clock.pin(ended.plus(Duration.ofDays(1)));
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("CONTRACT_ENDED"));
        String end = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).body("midContract", equalTo(false))
                .body("revealedAt", nullValue()).extract().path("feedbackId");
        submit(client(k), k.id(), CLIENT_FULL).statusCode(409).body("code", equalTo("ALREADY_SUBMITTED"));
        // The double blind holds for the end feedback: the freelancer sees the two mid-contract ones only.
        read(freelancer(k), k.id()).statusCode(200).body("feedback", hasSize(2))
                .body("feedback.midContract", containsInAnyOrder(true, true));
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        read(freelancer(k), k.id()).statusCode(200).body("feedback", hasSize(4))
                .body("feedback.find { it.feedbackId == '" + end + "' }.revealCause", equalTo("BOTH_SUBMITTED"));
        profile(bearer(newUser("f"), "FREELANCER"), k.freelancerId(), "").statusCode(200).body("total", equalTo(3))
                .body("items.midContract", containsInAnyOrder(true, true, false));
        // Both submissions' reveal events; none for the mid-contract feedback.
        assertEquals(2, Events.written("feedback-revealed", k.id()));
    }

    @Test
    void eachRuleRefusesWithItsOwnCodeAndChangesNothing() {
        clock.pin(DAY_40);
        Open young = OpenContracts.started(DAY_40.minus(Duration.ofDays(29)));
        OpenContracts.paid(young, 50_000, DAY_40.minus(Duration.ofDays(1)), DAY_40.minus(Duration.ofDays(1)));
        midContract(client(young), young.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("TOO_EARLY_IN_CONTRACT"));

        Open unpaid = OpenContracts.started(STARTED);
        midContract(client(unpaid), unpaid.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("NO_RECENT_PAYMENT"));

        Open paused = OpenContracts.started(STARTED);
        OpenContracts.sendAndAwait(OpenContracts.PAYMENT_RECORDED, OpenContracts.payment(paused, "PAUSED", 50_000,
                DAY_40.minus(Duration.ofDays(2)), DAY_40.minus(Duration.ofDays(3))));
        midContract(client(paused), paused.id(), MID_CONTRACT).statusCode(409).body("code", equalTo("CONTRACT_NOT_ACTIVE"));

        Open k = OpenContracts.started(STARTED);
        OpenContracts.paid(k, 50_000, DAY_40.minus(Duration.ofDays(2)), DAY_40.minus(Duration.ofDays(2)));
        // Bad bodies: 400 naming the field.
        midContract(client(k), k.id(), """
                {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 5}},
                 "private": {"recommendScore": 9, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY"}}""")
                .statusCode(400).body("errors[0].field", equalTo("private"));
        midContract(client(k), k.id(), "{}").statusCode(400).body("errors[0].field", equalTo("public"));
        midContract(client(k), k.id(), """
                {"public": {"stars": 5}}""").statusCode(400).body("errors[0].field", equalTo("public.stars"));
        // Callers: the freelancer may not, a stranger and an unknown contract learn nothing.
        midContract(freelancer(k), k.id(), MID_CONTRACT).statusCode(403);
        midContract(bearer(k.freelancerId(), "FREELANCER", "CLIENT"), k.id(), MID_CONTRACT).statusCode(403)
                .body("code", equalTo("NOT_CLIENT"));
        midContract(bearer(newUser("c"), "CLIENT"), k.id(), MID_CONTRACT).statusCode(404);
        midContract(client(k), "no-such-contract", MID_CONTRACT).statusCode(404);
        for (Open o : List.of(young, unpaid, paused, k)) {
            assertEquals(0, feedbackOn(o), "nothing stored for " + o);
            assertEquals(0, Events.written("feedback-submitted", o.id()));
        }
        midContract(client(k), k.id(), MID_CONTRACT).statusCode(201);
    }

    @Test
    void theProfileFollowsTheOpenContractsLatestNetEarningsWhateverTheOrderOfItsEvents() {
        Open k = OpenContracts.started(STARTED);
        Instant paidAt = DAY_40.minus(Duration.ofDays(1));
        OpenContracts.paid(k, 0, paidAt, paidAt); // refunded to $0 at once
        clock.pin(DAY_40);
        String id = midContract(client(k), k.id(), MID_CONTRACT).statusCode(201).body("visibleOnProfile", equalTo(false))
                .extract().path("feedbackId");
        profile(client(k), k.freelancerId(), "").statusCode(200).body("total", equalTo(0));

        OpenContracts.paid(k, 20_000, paidAt.plusSeconds(60), paidAt);
        profile(client(k), k.freelancerId(), "").statusCode(200).body("total", equalTo(1)).body("items[0].feedbackId", equalTo(id));
        // An older record arriving late changes nothing; a redelivered one is dropped by the inbox.
        ObjectNode stale = OpenContracts.payment(k, "ACTIVE", 0, paidAt.plusSeconds(30), paidAt);
        OpenContracts.sendAndAwait(OpenContracts.PAYMENT_RECORDED, stale);
        OpenContracts.sendAndAwait(OpenContracts.PAYMENT_RECORDED, stale);
        profile(client(k), k.freelancerId(), "").statusCode(200).body("total", equalTo(1));
        assertEquals(20_000, count("SELECT net_earnings_cents FROM open_contract WHERE contract_id = ?1", k.id()));
        assertEquals(1, count("SELECT count(*) FROM inbox_message WHERE consumer = 'feedback-service' AND event_id = ?1",
                java.util.UUID.fromString(stale.get("eventId").asText())));
        read(freelancer(k), k.id()).statusCode(200).body("feedback[0].public.comment", containsString("Good progress"));
    }
}
