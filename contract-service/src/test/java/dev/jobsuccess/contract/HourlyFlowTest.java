package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeHourly;
import static dev.jobsuccess.contract.Api.balance;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.events;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.problem;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** domain.md EX-10 and the hourly flows: weekly limits, Monday invoices, review, disputes, the last week. */
@QuarkusTest
class HourlyFlowTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String instant) {
        clock.pin(Instant.parse(instant));
        timers.processDue();
    }

    private static void log(String freelancer, String id, String day, int minutes) {
        freelancer(freelancer).body("{\"workDate\":\"" + day + "\",\"minutes\":" + minutes + ",\"memo\":\"work\"}")
                .post("/contracts/{id}/hourly/time-entries", id).then().statusCode(201)
                .body("weekStart", org.hamcrest.Matchers.notNullValue());
    }

    private static JsonPath invoices(String client, String id) {
        return client(client).get("/contracts/{id}/invoices", id).then().statusCode(200).extract().jsonPath();
    }

    /** EX-10 to the Monday invoice: $50/h, 10 h limit, 12 h logged in the week of Mon 2025-06-02. */
    private record Ex10(String client, String freelancer, String id, String invoiceId) {}

    private Ex10 ex10UntilInvoiced() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-06-02T08:00:00Z");
        String id = activeHourly(client, freelancer, 5000, 600);
        log(freelancer, id, "2025-06-02", 240);
        at("2025-06-04T18:00:00Z");
        log(freelancer, id, "2025-06-03", 240);
        log(freelancer, id, "2025-06-04", 240);
        at("2025-06-09T11:59:59Z");
        assertEquals(0, invoices(client, id).getList("$").size(), "no invoice before Monday noon");
        at("2025-06-09T12:00:00Z");
        JsonPath inv = invoices(client, id);
        assertEquals(1, inv.getList("$").size());
        assertEquals(720, inv.getInt("[0].loggedMinutes"));
        assertEquals(600, inv.getInt("[0].billableMinutes"));
        assertEquals(50000, inv.getLong("[0].amountCents"));
        assertEquals("IN_REVIEW", inv.getString("[0].status"));
        assertEquals("2025-06-13T23:59:59Z", inv.getString("[0].reviewEndsAt"));
        assertEquals("2025-06-18T00:00:00Z", inv.getString("[0].availableAt"));
        assertEquals(List.of("HOURLY_CHARGE 50000@2025-06-09T12:00:00Z"), ledger(client, id));
        return new Ex10(client, freelancer, id, inv.getString("[0].invoiceId"));
    }

    @Test
    void ex10TheWeekIsInvoicedOnMondayClearsOnFridayAndIsAvailableOnWednesday() {
        Ex10 x = ex10UntilInvoiced();
        assertEquals(0, balance(x.client(), x.id()).getLong("netEarningsCents"), "a charge in review is not yet earned");
        at("2025-06-13T23:59:58Z");
        assertEquals("IN_REVIEW", invoices(x.client(), x.id()).getString("[0].status"));
        at("2025-06-13T23:59:59Z");
        assertEquals("PENDING", invoices(x.client(), x.id()).getString("[0].status"));
        at("2025-06-18T00:00:00Z");
        assertEquals("AVAILABLE", invoices(x.client(), x.id()).getString("[0].status"));
        assertEquals(List.of("HOURLY_CHARGE 50000@2025-06-09T12:00:00Z",
                "HOURLY_REVIEW_CLEARED 50000@2025-06-13T23:59:59Z",
                "SERVICE_FEE 5000@2025-06-13T23:59:59Z",
                "SECURITY_CLEARED 45000@2025-06-18T00:00:00Z"), ledger(x.client(), x.id()));
        JsonPath b = balance(x.client(), x.id());
        assertEquals(50000, b.getLong("netEarningsCents"));
        assertEquals(50000, b.getLong("hourlyChargedCents"));
        assertEquals(45000, b.getLong("freelancerAvailableCents"));
        assertEquals(0, b.getLong("freelancerInReviewCents"));
        assertEquals(List.of("2025-06-13T23:59:59Z"), b.getList("paymentInstants"));
        // The 2 hours over the limit are not billed; the client may pay them as a bonus.
        client(x.client()).body("{\"amountCents\":10000}").post("/contracts/{id}/bonus", x.id()).then().statusCode(200)
                .body("netEarningsCents", equalTo(60000));
        // Net earnings as of the Friday before: only the cleared invoice.
        client(x.client()).queryParam("asOf", "2025-06-14T00:00:00Z").get("/contracts/{id}/balance", x.id()).then()
                .statusCode(200).body("netEarningsCents", equalTo(50000)).body("freelancerPendingCents", equalTo(45000));
    }

    @Test
    void ex10ADisputeTheFreelancerIgnoresPausesTheContractAndRefundsAfterThreeBusinessDays() {
        Ex10 x = ex10UntilInvoiced();
        at("2025-06-11T10:00:00Z");
        client(x.client()).body("{}").post("/contracts/{id}/invoices/{iid}/dispute", x.id(), x.invoiceId()).then().statusCode(200)
                .body("status", equalTo("DISPUTED")).body("disputedCents", equalTo(50000))
                .body("disputeResponseDeadline", equalTo("2025-06-16T23:59:59Z"));
        client(x.client()).get("/contracts/{id}", x.id()).then().body("status", equalTo("PAUSED"))
                .body("pauseReason", equalTo("HOURLY_DISPUTE"));
        problem(freelancer(x.freelancer()).body("{\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", x.id()),
                409, "CONTRACT_PAUSED");
        at("2025-06-14T00:00:00Z");
        assertEquals("DISPUTED", invoices(x.client(), x.id()).getString("[0].status"), "a disputed invoice does not clear on Friday");
        at("2025-06-16T23:59:58Z");
        assertEquals("DISPUTED", invoices(x.client(), x.id()).getString("[0].status"));
        at("2025-06-16T23:59:59Z");
        JsonPath inv = invoices(x.client(), x.id());
        assertEquals("REFUNDED", inv.getString("[0].status"));
        assertEquals("CLIENT_WON", inv.getString("[0].disputeOutcome"));
        assertEquals(List.of("HOURLY_CHARGE 50000@2025-06-09T12:00:00Z", "HOURLY_DISPUTE_REFUND 50000@2025-06-16T23:59:59Z"),
                ledger(x.client(), x.id()));
        JsonPath b = balance(x.client(), x.id());
        assertEquals(0, b.getLong("netEarningsCents"));
        assertEquals(0, b.getLong("clientPaidCents"));
        client(x.client()).get("/contracts/{id}", x.id()).then().body("disputeOutcome", equalTo("CLIENT_WON"));
        client(x.client()).post("/contracts/{id}/restart", x.id()).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aContestedHourlyDisputeIsDecidedByThePlatformAndTheRestClears() {
        Ex10 x = ex10UntilInvoiced();
        at("2025-06-10T10:00:00Z");
        client(x.client()).body("{\"disputedCents\":30000}").post("/contracts/{id}/invoices/{iid}/dispute", x.id(), x.invoiceId())
                .then().statusCode(200);
        freelancer(x.freelancer()).post("/contracts/{id}/invoices/{iid}/dispute/contest", x.id(), x.invoiceId()).then()
                .statusCode(200).body("status", equalTo("DISPUTE_UNDER_REVIEW"));
        at("2025-06-20T10:00:00Z");
        assertEquals("DISPUTE_UNDER_REVIEW", invoices(x.client(), x.id()).getString("[0].status"), "no deadline once contested");
        platform().body("{\"refundCents\":20000}").post("/contracts/{id}/invoices/{iid}/dispute/decision", x.id(), x.invoiceId())
                .then().statusCode(200).body("status", equalTo("PENDING")).body("disputeOutcome", equalTo("SPLIT"))
                .body("refundedCents", equalTo(20000)).body("clearedCents", equalTo(30000))
                .body("availableAt", equalTo("2025-06-25T10:00:00Z"));
        assertEquals(List.of("HOURLY_CHARGE 50000@2025-06-09T12:00:00Z", "HOURLY_DISPUTE_REFUND 20000@2025-06-20T10:00:00Z",
                "HOURLY_REVIEW_CLEARED 30000@2025-06-20T10:00:00Z", "SERVICE_FEE 3000@2025-06-20T10:00:00Z"), ledger(x.client(), x.id()));
        assertEquals(30000, balance(x.client(), x.id()).getLong("netEarningsCents"));
        at("2025-06-25T10:00:00Z");
        assertEquals("AVAILABLE", invoices(x.client(), x.id()).getString("[0].status"));
    }

    @Test
    void theFreelancerAcceptingADisputeRefundsItAtOnce() {
        Ex10 x = ex10UntilInvoiced();
        client(x.client()).body("{\"disputedCents\":10000}").post("/contracts/{id}/invoices/{iid}/dispute", x.id(), x.invoiceId())
                .then().statusCode(200);
        freelancer(x.freelancer()).post("/contracts/{id}/invoices/{iid}/dispute/accept", x.id(), x.invoiceId()).then()
                .statusCode(200).body("disputeOutcome", equalTo("CLIENT_WON")).body("refundedCents", equalTo(10000))
                .body("clearedCents", equalTo(40000));
        assertEquals(40000, balance(x.client(), x.id()).getLong("netEarningsCents"));
    }

    @Test
    void aLimitIncreaseAppliesNowAndADecreaseFromNextMonday() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-06-04T09:00:00Z"); // Wednesday
        String id = activeHourly(client, freelancer, 6000, 600);
        client(client).body("{\"weeklyLimitMinutes\":300}").put("/contracts/{id}/hourly/weekly-limit", id).then().statusCode(200)
                .body("weeklyLimitMinutes", equalTo(600)).body("nextWeeklyLimitMinutes", equalTo(300))
                .body("nextWeeklyLimitFrom", equalTo("2025-06-09T00:00:00Z"));
        log(freelancer, id, "2025-06-04", 700);
        at("2025-06-10T09:00:00Z");
        client(client).get("/contracts/{id}", id).then().body("weeklyLimitMinutes", equalTo(300));
        log(freelancer, id, "2025-06-10", 400);
        at("2025-06-17T09:00:00Z");
        client(client).body("{\"weeklyLimitMinutes\":900}").put("/contracts/{id}/hourly/weekly-limit", id).then().statusCode(200)
                .body("weeklyLimitMinutes", equalTo(900)).body("nextWeeklyLimitMinutes", equalTo(null));
        log(freelancer, id, "2025-06-17", 800);
        at("2025-06-23T12:00:00Z");
        List<Map<String, Object>> inv = invoices(client, id).getList("$");
        assertEquals(3, inv.size());
        assertEquals(600, inv.get(0).get("billableMinutes"), "week 1: the decrease waits for Monday");
        assertEquals(60000, inv.get(0).get("amountCents"));
        assertEquals(300, inv.get(1).get("billableMinutes"), "week 2: the decreased limit");
        assertEquals(800, inv.get(2).get("billableMinutes"), "week 3: the increase applies at once");
        problem(freelancer(freelancer).body("{\"workDate\":\"2025-06-20\",\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", id),
                400, "INVALID_REQUEST");
    }

    @Test
    void timeLoggedInTheLastWeekIsInvoicedAfterTheEndAndPublishedWhenItClears() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-09-01T09:00:00Z");
        String id = activeHourly(client, freelancer, 3000, 1200);
        log(freelancer, id, "2025-09-01", 600);
        at("2025-09-04T09:00:00Z");
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200);
        problem(freelancer(freelancer).body("{\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", id), 409, "CONTRACT_ENDED");
        JsonNode closed = events("contract-closed", freelancer, 1).getFirst();
        assertEquals("HOURLY", closed.get("contractType").asText());
        assertEquals(0, closed.at("/money/netEarningsCents").asLong());
        at("2025-09-08T12:00:00Z");
        assertEquals(30000, invoices(client, id).getLong("[0].amountCents"));
        at("2025-09-12T23:59:59Z");
        JsonNode adjusted = events("contract-earnings-adjusted", freelancer, 1).getFirst();
        assertEquals("HOURLY_INVOICE", adjusted.get("cause").asText());
        assertEquals(30000, adjusted.get("netEarningsCents").asLong());
        assertEquals(30000, adjusted.get("deltaCents").asLong());
        assertEquals("2025-09-12T23:59:59Z", adjusted.at("/paymentInstants/0").asText());
    }

    @Test
    void afterDowntimeEveryDueWeekIsProcessedInOrderAtItsOwnInstants() {
        String client = user("c");
        String freelancer = user("f");
        String[] mondays = {"2025-10-06", "2025-10-13", "2025-10-20"};
        at("2025-10-06T09:00:00Z");
        String id = activeHourly(client, freelancer, 6000, 2400);
        for (String monday : mondays) {
            clock.pin(Instant.parse(monday + "T09:00:00Z")); // no timer pass: the service is "down" between weeks
            log(freelancer, id, monday, 60);
        }
        at("2025-12-01T00:00:00Z");
        List<Map<String, Object>> entries = client(client).get("/contracts/{id}/ledger", id).then().statusCode(200)
                .extract().jsonPath().getList("entries");
        assertEquals(12, entries.size(), "3 weeks × (charge, review cleared, fee, security cleared)");
        Instant previous = Instant.MIN;
        for (Map<String, Object> e : entries) {
            Instant effective = Instant.parse((String) e.get("effectiveAt"));
            assertTrue(!effective.isBefore(previous), "entries are posted in the order they fell due: " + entries);
            previous = effective;
        }
        assertEquals("2025-10-13T12:00:00Z", entries.getFirst().get("effectiveAt"));
        assertEquals("2025-11-05T00:00:00Z", entries.getLast().get("effectiveAt"));
        assertEquals(18000, balance(client, id).getLong("netEarningsCents"));
        assertEquals(3, invoices(client, id).getList("$").size());
    }
}
