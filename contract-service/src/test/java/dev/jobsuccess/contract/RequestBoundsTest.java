package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.contract.Contract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Money and dates are bounded where they enter: each refusal is a 400 naming the field, and nothing changes
 * (no contract, no milestone, no ledger entry).
 */
@QuarkusTest
class RequestBoundsTest {

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-06-02T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void refused(Response r, String field) {
        r.then().statusCode(400).contentType("application/problem+json").body("errors.field", contains(field));
    }

    @Test
    void aBonusOverTheMaximumIsRefusedAndPostsNothing() {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        fund(c, id, milestones(c, id).getFirst());
        List<String> before = ledger(c, id);
        for (String amount : List.of("300000000000", "9223372036854775807", "100000001")) {
            refused(client(c).body("{\"amountCents\":" + amount + "}").post("/contracts/{id}/bonus", id), "amountCents");
        }
        assertEquals(before, ledger(c, id));
        // The maximum itself is fine, and so are bonuses up to the contract's total; one more cent is refused.
        client(c).body("{\"amountCents\":100000000}").post("/contracts/{id}/bonus", id).then().statusCode(200);
        for (int i = 0; i < 9; i++) {
            client(c).body("{\"amountCents\":100000000}").post("/contracts/{id}/bonus", id).then().statusCode(200);
        }
        List<String> atTheCap = ledger(c, id);
        refused(client(c).body("{\"amountCents\":1}").post("/contracts/{id}/bonus", id), "amountCents");
        assertEquals(atTheCap, ledger(c, id));
    }

    @Test
    void milestonesOverTheMaximumOrTheContractTotalAreRefused() {
        String c = user("c");
        String f = user("f");
        refused(client(c).body(offer(f, "Logo", "{\"description\":\"part\",\"amountCents\":100000001}")).post("/contracts"),
                "milestones[0].amountCents");
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"description\":\"part\",\"amountCents\":100000000}"));
        refused(client(c).body(offer(f, "Logo", eleven)).post("/contracts"), "milestones");
        assertEquals(0, contractsOf(c));

        String id = activeFixed(c, f, 100_000_000, 100_000_000, 100_000_000, 100_000_000, 100_000_000,
                100_000_000, 100_000_000, 100_000_000, 100_000_000, 100_000_000);
        refused(client(c).body("{\"description\":\"more\",\"amountCents\":500}").post("/contracts/{id}/milestones", id), "amountCents");
        refused(client(c).body("{\"description\":\"more\",\"amountCents\":9223372036854775807}").post("/contracts/{id}/milestones", id),
                "amountCents");
        assertEquals(10, milestones(c, id).size());
    }

    @Test
    void anHourlyRateOverTheMaximumIsRefused() {
        String c = user("c");
        String f = user("f");
        refused(client(c).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"Support\",\"hourlyRateCents\":100001,"
                + "\"weeklyLimitMinutes\":600}").post("/contracts"), "hourlyRateCents");
        assertEquals(0, contractsOf(c));
        client(c).body("{\"freelancerId\":\"" + f + "\",\"type\":\"HOURLY\",\"title\":\"Support\",\"hourlyRateCents\":100000,"
                + "\"weeklyLimitMinutes\":10080}").post("/contracts").then().statusCode(201);
    }

    @Test
    void textAndDatesOutsideTheirBoundsAreRefused() {
        String c = user("c");
        String f = user("f");
        refused(client(c).body(offer(f, "a\\u0000b", "")).post("/contracts"), "title");
        refused(client(c).body(offer(f, "two\\nlines", "")).post("/contracts"), "title");
        refused(client(c).body(offer(f, "Logo", "{\"description\":\"part\",\"amountCents\":500,\"dueDate\":\"+999999999-12-31\"}"))
                .post("/contracts"), "milestones[0].dueDate");
        refused(client(c).body(offer(f, "Logo", "{\"description\":\"part\",\"amountCents\":500,\"dueDate\":\"2035-06-03\"}"))
                .post("/contracts"), "milestones[0].dueDate");
        refused(client(c).body(offer(f, "Logo", "{\"description\":\"part\",\"amountCents\":500,\"dueDate\":\"2024-06-01\"}"))
                .post("/contracts"), "milestones[0].dueDate");
        assertEquals(0, contractsOf(c));
        // The window's edges are in it; a memo-like description with a tab is not.
        client(c).body(offer(f, "Logo", "{\"description\":\"part\",\"amountCents\":500,\"dueDate\":\"2035-06-02\"},"
                + "{\"description\":\"part\",\"amountCents\":500,\"dueDate\":\"2024-06-02\"}")).post("/contracts").then().statusCode(201)
                .body("status", equalTo("OFFER_PENDING"));
        String id = activeFixed(c, f, 500);
        refused(client(c).body("{\"description\":\"a\\tb\",\"amountCents\":500}").post("/contracts/{id}/milestones", id), "description");
        refused(client(c).body("{\"description\":\"late\",\"amountCents\":500,\"dueDate\":\"2199-12-31\"}")
                .post("/contracts/{id}/milestones", id), "dueDate");
        assertEquals(1, milestones(c, id).size());
    }

    private static String offer(String freelancer, String title, String milestones) {
        return "{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"" + title + "\","
                + "\"category\":\"design\",\"milestones\":[" + milestones + "]}";
    }

    private static long contractsOf(String client) {
        return QuarkusTransaction.requiringNew().call(() -> Contract.count("clientId", client));
    }
}
