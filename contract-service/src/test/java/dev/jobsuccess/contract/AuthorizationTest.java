package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.activeHourly;
import static dev.jobsuccess.contract.Api.as;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.offerFixed;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Only the parties act on a contract, each only in its role; PLATFORM decides disputes; others learn nothing. */
@QuarkusTest
class AuthorizationTest {

    private static void refused(RequestSpecification who, String method, String path, Object... params) {
        int status = who.request(method, path, params).statusCode();
        assertEquals(true, status == 403 || status == 404, method + " " + path + " gave " + status);
    }

    @Test
    void noTokenIsUnauthenticatedAndABadTokenToo() {
        String client = user("c");
        String id = activeFixed(client, user("f"), 50000);
        given().contentType(ContentType.JSON).body("{\"endReasonCode\":\"OTHER\"}").post("/contracts/{id}/end", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get("/contracts/{id}/ledger", id)
                .then().statusCode(401).contentType("application/problem+json");
        // Signed with the right key by the right issuer, but meant for another system: its audience is not ours.
        client(client).get("/contracts/{id}", id).then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.forAudience("another-system", client, Duration.ofHours(1), "CLIENT"))
                .get("/contracts/{id}", id).then().statusCode(401);
    }

    @Test
    void eachPartyActsOnlyInItsOwnRole() {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000, 50000);
        List<String> m = milestones(c, id);
        String m1 = m.get(0);
        // the freelancer cannot fund, approve, release, pause, pay a bonus or create contracts (403: wrong role)
        freelancer(f).post("/contracts/{id}/milestones/{mid}/fund", id, m1).then().statusCode(403).contentType("application/problem+json");
        freelancer(f).post("/contracts/{id}/milestones/{mid}/approve", id, m1).then().statusCode(403);
        freelancer(f).body("{\"amountCents\":100}").post("/contracts/{id}/milestones/{mid}/release", id, m1).then().statusCode(403);
        freelancer(f).post("/contracts/{id}/pause", id).then().statusCode(403);
        freelancer(f).body("{\"amountCents\":100}").post("/contracts/{id}/bonus", id).then().statusCode(403);
        freelancer(f).body("{\"freelancerId\":\"x\",\"type\":\"HOURLY\",\"title\":\"t\"}").post("/contracts").then().statusCode(403);
        // the client cannot submit, accept, refund paid money or answer a refund request
        fund(c, id, m1);
        client(c).post("/contracts/{id}/milestones/{mid}/submit", id, m1).then().statusCode(403);
        client(c).post("/contracts/{id}/accept", id).then().statusCode(403);
        client(c).body("{\"amountCents\":100}").post("/contracts/{id}/refund", id).then().statusCode(403);
        client(c).post("/contracts/{id}/escrow-refund-request/approve", id).then().statusCode(403);
        client(c).post("/contracts/{id}/escrow-refund-request/dispute", id).then().statusCode(403);
        // the freelancer's user id with a CLIENT token is not the client of this contract: it learns nothing
        as(f, "CLIENT").post("/contracts/{id}/milestones/{mid}/approve", id, m1).then().statusCode(404);
        as(c, "FREELANCER").post("/contracts/{id}/milestones/{mid}/submit", id, m1).then().statusCode(404);
        // neither party records arbitration or mediation; the platform does not fund or end with a party's reason
        client(c).body("{\"clientPaid\":true,\"freelancerPaid\":false}").post("/contracts/{id}/arbitration", id).then().statusCode(403);
        platform().post("/contracts/{id}/milestones/{mid}/approve", id, m1).then().statusCode(403);
        platform().post("/contracts/{id}/milestones/{mid}/submit", id, m1).then().statusCode(403);
        assertEquals("FUNDED", Api.milestone(c, id, m1).get("status"));
    }

    @Test
    void strangersLearnNothingNotEvenThatTheContractExists() {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m1 = milestones(c, id).getFirst();
        fund(c, id, m1);
        RequestSpecification strangerClient = client(user("c"));
        RequestSpecification strangerFreelancer = freelancer(user("f"));
        for (String read : List.of("/contracts/{id}", "/contracts/{id}/ledger", "/contracts/{id}/balance", "/contracts/{id}/milestones",
                "/contracts/{id}/disputes", "/contracts/{id}/invoices", "/contracts/{id}/hourly/time-entries")) {
            client(user("c")).get(read, id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
            freelancer(user("f")).get(read, id).then().statusCode(404);
            platform().get(read, id).then().statusCode(200);
            client(c).get(read, id).then().statusCode(200);
            freelancer(f).get(read, id).then().statusCode(200);
        }
        refused(strangerClient, "POST", "/contracts/{id}/milestones/{mid}/approve", id, m1);
        refused(client(user("c")).body("{\"amountCents\":100}"), "POST", "/contracts/{id}/bonus", id);
        refused(client(user("c")).body("{\"endReasonCode\":\"OTHER\"}"), "POST", "/contracts/{id}/end", id);
        refused(strangerFreelancer, "POST", "/contracts/{id}/milestones/{mid}/submit", id, m1);
        refused(freelancer(user("f")), "POST", "/contracts/{id}/escrow-refund-request/dispute", id);
        refused(freelancer(user("f")).body("{\"amountCents\":1}"), "POST", "/contracts/{id}/refund", id);
        refused(client(user("c")).body("{\"description\":\"x\",\"amountCents\":600}"), "POST", "/contracts/{id}/milestones", id);
        String offer = offerFixed(c, f, 50000);
        freelancer(user("f")).post("/contracts/{id}/accept", offer).then().statusCode(404);
        client(user("c")).post("/contracts/{id}/withdraw", offer).then().statusCode(404);
        client(c).get("/contracts/{id}", offer).then().body("status", equalTo("OFFER_PENDING"));
    }

    @Test
    void hourlyCommandsBelongToTheirRoles() {
        String c = user("c");
        String f = user("f");
        String id = activeHourly(c, f, 5000, 600);
        client(c).body("{\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", id).then().statusCode(403);
        freelancer(f).body("{\"weeklyLimitMinutes\":6000}").put("/contracts/{id}/hourly/weekly-limit", id).then().statusCode(403);
        freelancer(user("f")).body("{\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", id).then().statusCode(404);
        client(user("c")).body("{\"weeklyLimitMinutes\":60}").put("/contracts/{id}/hourly/weekly-limit", id).then().statusCode(404);
        client(c).get("/contracts/{id}", id).then().body("weeklyLimitMinutes", equalTo(600));
    }
}
