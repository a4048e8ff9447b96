package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.clientFeedback;
import static dev.jobsuccess.feedback.Api.freelancerFeedback;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /feedback: what a user gave and received, double-blind and private parts as on each contract, paged by cursor. */
@QuarkusTest
class FeedbackListingTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(Instant.parse("2025-05-11T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Every page, following nextCursor. */
    private static List<Map<String, Object>> all(String auth, String query, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            JsonPath page = given().header("Authorization", auth)
                    .get("/feedback?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("feedback");
            assertTrue(items.size() <= limit);
            out.addAll(items);
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return out;
            }
        }
        throw new AssertionError("more than 100 pages");
    }

    private static Set<String> contracts(List<Map<String, Object>> feedback) {
        Set<String> out = new HashSet<>();
        feedback.forEach(f -> out.add((String) f.get("contractId")));
        return out;
    }

    @Test
    void aUserListsWhatTheyGaveAndWhatTheyReceivedOnceRevealed() {
        String f = newUser("f");
        Contract both = ClosedContracts.closedContract(newUser("c"), f, ENDED_AT, 50_000);
        Contract clientOnly = ClosedContracts.closedContract(newUser("c"), f, ENDED_AT, 50_000);
        Contract freelancerOnly = ClosedContracts.closedContract(newUser("c"), f, ENDED_AT, 50_000);
        submit(Api.client(both), both.id(), clientFeedback(3, 2)).statusCode(201);
        submit(Api.freelancer(both), both.id(), freelancerFeedback(9, 5)).statusCode(201);
        submit(Api.client(clientOnly), clientOnly.id(), clientFeedback(2, 1)).statusCode(201);
        submit(Api.freelancer(freelancerOnly), freelancerOnly.id(), freelancerFeedback(8, 4)).statusCode(201);
        String asFreelancer = bearer(f, "FREELANCER");

        // Received: only what is revealed, and never a private part.
        List<Map<String, Object>> received = all(asFreelancer, "", 50);
        assertEquals(Set.of(both.id()), contracts(received));
        assertEquals(null, received.getFirst().get("private"));
        String body = given().header("Authorization", asFreelancer).get("/feedback").then().statusCode(200).extract().asString();
        assertFalse(body.contains("recommendScore"), body);
        // Given: their own, revealed or not, private part included.
        List<Map<String, Object>> given = all(asFreelancer, "direction=GIVEN", 1);
        assertEquals(Set.of(both.id(), freelancerOnly.id()), contracts(given));
        assertTrue(given.stream().allMatch(g -> g.get("private") != null));
        // The client who wrote alone sees it as given; nothing received yet.
        assertEquals(Set.of(clientOnly.id()), contracts(all(Api.client(clientOnly), "direction=GIVEN", 50)));
        assertEquals(0, all(Api.client(clientOnly), "", 50).size());
        assertEquals(Set.of(both.id()), contracts(all(Api.client(both), "role=CLIENT", 50)));
        assertEquals(1, all(Api.client(both), "direction=GIVEN&role=CLIENT", 50).size());
        // PLATFORM: any user's, everything.
        assertEquals(Set.of(both.id(), clientOnly.id()), contracts(all(Api.platform(), "userId=" + f, 50)));
    }

    @Test
    void aBadListingGetsAProblemNamingTheField() {
        String auth = bearer(newUser("f"), "FREELANCER");
        for (String query : List.of("limit=0", "limit=101", "direction=SIDEWAYS", "role=SYSTEM", "cursor=garbage")) {
            given().header("Authorization", auth).get("/feedback?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))));
        }
        given().header("Authorization", auth).get("/feedback?userId=someone").then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_FEEDBACK"));
        given().header("Authorization", auth).get("/feedback?role=CLIENT").then().statusCode(403).body("code", equalTo("ROLE_NOT_HELD"));
        given().header("Authorization", Api.platform()).get("/feedback").then().statusCode(400).body("errors[0].field", equalTo("userId"));
    }
}
