package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.offerFixed;
import static dev.jobsuccess.contract.Api.outboxRows;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.problem;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;

/** The contract's own life: offer, accept, decline, withdraw, pause, restart, end; and bad input. */
@QuarkusTest
class ContractLifecycleTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOfferStartsWhenTheFreelancerAcceptsAndEndingItPublishesContractClosed() {
        clock.pin(Instant.parse("2025-04-20T09:00:00Z"));
        String client = user("c");
        String freelancer = user("f");
        String id = client(client).body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Copy\","
                        + "\"category\":\"writing\",\"milestones\":[{\"description\":\"draft\",\"amountCents\":50000,\"dueDate\":\"2025-05-01\"}]}")
                .post("/contracts").then().statusCode(201).header("Location", notNullValue())
                .body("status", equalTo("OFFER_PENDING")).body("startedAt", nullValue()).body("currency", equalTo("USD"))
                .extract().path("contractId");
        client(client).get("/contracts/{id}/milestones", id).then().statusCode(200)
                .body("[0].amountCents", equalTo(50000)).body("[0].dueDate", equalTo("2025-05-01")).body("[0].status", equalTo("CREATED"));
        freelancer(freelancer).post("/contracts/{id}/accept", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("startedAt", equalTo("2025-04-20T09:00:00Z"));
        clock.pin(Instant.parse("2025-05-10T14:00:00Z"));
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedAt", equalTo("2025-05-10T14:00:00Z"))
                .body("feedbackWindowClosesAt", equalTo("2025-05-24T23:59:59.999Z"));
        var closed = Api.events("contract-closed", freelancer, 1).getFirst();
        assertEquals(0, closed.at("/money/netEarningsCents").asLong());
        assertEquals("2025-05-24T23:59:59.999Z", closed.get("feedbackWindowClosesAt").asText());
        client(client).get("/contracts/{id}/milestones", id).then().body("[0].status", equalTo("CANCELLED"));
    }

    @Test
    void declinedAndWithdrawnOffersAreCancelledForGood() {
        String client = user("c");
        String freelancer = user("f");
        String declined = offerFixed(client, freelancer, 50000);
        freelancer(freelancer).post("/contracts/{id}/decline", declined).then().statusCode(200)
                .body("status", equalTo("OFFER_CANCELLED")).body("offerClosedReason", equalTo("DECLINED"));
        problem(freelancer(freelancer).post("/contracts/{id}/accept", declined), 409, "OFFER_NOT_PENDING");
        problem(client(client).post("/contracts/{id}/withdraw", declined), 409, "OFFER_NOT_PENDING");
        problem(end(client(client), declined, "{\"endReasonCode\":\"OTHER\"}"), 409, "OFFER_CANCELLED");

        String withdrawn = offerFixed(client, freelancer, 50000);
        client(client).post("/contracts/{id}/withdraw", withdrawn).then().statusCode(200)
                .body("status", equalTo("OFFER_CANCELLED")).body("offerClosedReason", equalTo("WITHDRAWN"));
        problem(freelancer(freelancer).post("/contracts/{id}/accept", withdrawn), 409, "OFFER_NOT_PENDING");
        assertEquals(0, outboxRows("contract-closed", freelancer), "a cancelled offer is no JSS outcome");
    }

    @Test
    void anOfferLeftUnansweredFor14DaysExpiresLikeADeclinedOne() {
        clock.pin(Instant.parse("2025-03-01T09:00:00Z"));
        String client = user("c");
        String freelancer = user("f");
        String expiring = offerFixed(client, freelancer, 50000);
        String answeredLate = offerFixed(client, freelancer, 50000);

        clock.pin(Instant.parse("2025-03-15T08:59:59Z"));
        timers.processDue();
        client(client).get("/contracts/{id}", expiring).then().body("status", equalTo("OFFER_PENDING"));
        clock.pin(Instant.parse("2025-03-15T09:00:00Z"));
        timers.processDue();
        client(client).get("/contracts/{id}", expiring).then().statusCode(200).body("status", equalTo("OFFER_CANCELLED"))
                .body("offerClosedReason", equalTo("EXPIRED")).body("offerClosedAt", equalTo("2025-03-15T09:00:00Z"))
                .body("startedAt", nullValue());
        timers.processDue();
        client(client).get("/contracts/{id}", expiring).then().body("offerClosedAt", equalTo("2025-03-15T09:00:00Z"));
        problem(freelancer(freelancer).post("/contracts/{id}/accept", expiring), 409, "OFFER_NOT_PENDING");
        problem(client(client).post("/contracts/{id}/withdraw", expiring), 409, "OFFER_NOT_PENDING");

        // A command finds an offer expired even before the timer job has run: it applies the expiry first.
        clock.pin(Instant.parse("2025-04-01T00:00:00Z"));
        problem(freelancer(freelancer).post("/contracts/{id}/accept", answeredLate), 409, "OFFER_NOT_PENDING");
        client(client).get("/contracts/{id}", answeredLate).then().body("offerClosedReason", equalTo("EXPIRED"))
                .body("offerClosedAt", equalTo("2025-03-15T09:00:00Z"));
        for (String topic : new String[] {"contract-started", "contract-payment-recorded", "contract-closed",
                "contract-earnings-adjusted"}) {
            assertEquals(0, outboxRows(topic, freelancer), "an expired offer publishes nothing, as a declined one: " + topic);
        }
    }

    @Test
    void pauseAndRestartAreTheClientsAndAnEndedContractNeverReopens() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50000);
        client(client).post("/contracts/{id}/pause", id).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("pauseReason", equalTo("CLIENT"));
        problem(client(client).post("/contracts/{id}/pause", id), 409, "CONTRACT_ALREADY_PAUSED");
        client(client).post("/contracts/{id}/restart", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        problem(client(client).post("/contracts/{id}/restart", id), 409, "CONTRACT_NOT_PAUSED");
        client(client).post("/contracts/{id}/pause", id).then().statusCode(200);
        end(freelancer(freelancer), id, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}").then().statusCode(200)
                .body("endedBy", equalTo("FREELANCER")).body("pausedAt", nullValue());
        problem(end(client(client), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\"}"), 409, "CONTRACT_ENDED");
        problem(client(client).post("/contracts/{id}/restart", id), 409, "CONTRACT_ENDED");
        problem(client(client).post("/contracts/{id}/pause", id), 409, "CONTRACT_ENDED");
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ENDED")).body("endedBy", equalTo("FREELANCER"));
        assertEquals(1, outboxRows("contract-closed", freelancer));
    }

    @Test
    void endReasonsAreValidatedByWhoMayChooseThem() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50000);
        problem(end(client(client), id, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}"), 400, "INVALID_REQUEST");
        end(client(client), id, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}").then().body("errors.field", contains("endReasonCode"));
        problem(end(freelancer(freelancer), id, "{\"endReasonCode\":\"FREELANCER_LACKED_SKILLS\"}"), 400, "INVALID_REQUEST");
        problem(end(client(client), id, "{\"endReasonCode\":\"DORMANT_AUTO_CLOSED\"}"), 400, "INVALID_REQUEST");
        problem(end(client(client), id, "{\"endReasonCode\":\"FIRED\"}"), 400, "INVALID_REQUEST");
        end(client(client), id, "{\"endReasonCode\":\"FREELANCER_UNRESPONSIVE\"}").then().statusCode(200)
                .body("endReasonCode", equalTo("FREELANCER_UNRESPONSIVE"));
    }

    @Test
    void aPartysEndReasonIsTheirPrivateFeedbackTheOtherPartySeesOnlyWhoEndedAndWhen() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50000);
        end(client(client), id, "{\"endReasonCode\":\"FREELANCER_LACKED_SKILLS\"}").then().statusCode(200)
                .body("endReasonCode", equalTo("FREELANCER_LACKED_SKILLS"));
        freelancer(freelancer).get("/contracts/{id}", id).then().statusCode(200)
                .body("endedBy", equalTo("CLIENT")).body("endedAt", notNullValue()).body("endReasonCode", nullValue())
                .body(not(containsString("LACKED_SKILLS")));
        client(client).get("/contracts/{id}", id).then().body("endReasonCode", equalTo("FREELANCER_LACKED_SKILLS"));
        platform().get("/contracts/{id}", id).then().body("endReasonCode", equalTo("FREELANCER_LACKED_SKILLS"));

        String other = activeFixed(client, freelancer, 50000);
        end(freelancer(freelancer), other, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}").then().statusCode(200);
        client(client).get("/contracts/{id}", other).then().body("endedBy", equalTo("FREELANCER")).body("endReasonCode", nullValue());
        freelancer(freelancer).get("/contracts/{id}", other).then().body("endReasonCode", equalTo("CLIENT_NOT_RESPONSIVE"));
    }

    @Test
    void badOffersGetAProblemNamingTheFieldAndCreateNothing() {
        String client = user("c");
        String f = user("f");
        client(client).body("{\"type\":\"FIXED_PRICE\",\"title\":\"x\"}").post("/contracts").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("freelancerId"));
        client(client).body("{\"freelancerId\":\"f\",\"type\":\"BARTER\",\"title\":\"x\"}").post("/contracts").then()
                .statusCode(400).body("errors.field", contains("type"));
        client(client).body("{not json").post("/contracts").then().statusCode(400).contentType("application/problem+json");
        client(client).body("{\"freelancerId\":\"" + client + "\",\"type\":\"FIXED_PRICE\",\"title\":\"x\"}").post("/contracts")
                .then().statusCode(400).body("errors.field", contains("freelancerId"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"FIXED_PRICE\",\"title\":\"x\",\"milestones\":[{\"description\":\"a\",\"amountCents\":499}]}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("milestones[0].amountCents"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"FIXED_PRICE\",\"title\":\"x\",\"milestones\":[{\"description\":\"a\",\"amountCents\":-5}]}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("milestones[0].amountCents"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"x\",\"weeklyLimitMinutes\":600}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("hourlyRateCents"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"x\",\"hourlyRateCents\":5000}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("weeklyLimitMinutes"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"x\",\"hourlyRateCents\":5000,\"weeklyLimitMinutes\":20000}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("weeklyLimitMinutes"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"FIXED_PRICE\",\"title\":\"x\",\"hourlyRateCents\":5000}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("hourlyRateCents"));
        client(client).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"x\",\"hourlyRateCents\":5000,"
                + "\"weeklyLimitMinutes\":60,\"milestones\":[{\"description\":\"a\",\"amountCents\":600}]}")
                .post("/contracts").then().statusCode(400).body("errors.field", contains("milestones"));
        assertEquals(0, outboxRows("contract-closed", f));

        String id = activeFixed(client, f, 50000);
        client(client).body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"PAY_AMOUNT\",\"payAmountCents\":\"lots\"}")
                .post("/contracts/{id}/end", id).then().statusCode(400).body("errors.field", contains("payAmountCents"));
        client(client).body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":5}")
                .post("/contracts/{id}/end", id).then().statusCode(400);
        client(client).body("{\"amountCents\":0}").post("/contracts/{id}/bonus", id).then().statusCode(400)
                .body("errors.field", contains("amountCents"));
        problem(end(client(client), UUID.randomUUID().toString(), "{\"endReasonCode\":\"NO_LONGER_NEEDED\"}"), 404, "NOT_FOUND");
        client(client).body("{\"endReasonCode\":\"NO_LONGER_NEEDED\"}").post("/contracts/not-a-uuid/end").then().statusCode(404);
        client(client).get("/contracts/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
