package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What a freelancer (and PLATFORM) may ask about a score beyond its value: the explanation, the history and the
 * what-if simulator; and that clients and other freelancers may not.
 */
@QuarkusTest
class FreelancerViewsTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Seed.Story seeded(String example) {
        Seed.Story story = Seed.story(Seed.example("examples/" + example));
        scores.applyBatch(story.facts());
        return story;
    }

    ValidatableResponse whatIf(String freelancer, String caller, String role, String body) {
        return given().header("Authorization", bearer(caller, role)).contentType(ContentType.JSON).body(body)
                .post("/freelancers/{id}/what-if", freelancer).then();
    }

    @Test
    void willRefundingThisClientHurtMyScore() {
        // EX-2: J1 $500, public 1.0 and rec 2 (NEGATIVE); J2 $500, 5.0 and rec 10: 5/10 → 50.
        Seed.Story story = seeded("ex02-seed003-law-of-averages.json");
        String f = story.freelancerId();
        String j1 = story.contractIds().get("J1");
        long changesBefore = Db.scoreChangedRows(f);

        // The explanation: J1's public 1★ makes it NEGATIVE whatever its client said privately, so that is shown; and 50
        // = 5/10 leaves J2 no class but SUCCESS.
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/explanation", f).then()
                .statusCode(200)
                .body("contracts.find { it.contractId == '" + j1 + "' }.decidedBy", equalTo("PUBLIC_FACTS"))
                .body("contracts.find { it.contractId == '" + j1 + "' }.outcome", equalTo("NEGATIVE"));
        // (a) Refund J1 in full, the client's feedback unchanged: still NEGATIVE, now weighing 1 job: 5/9 → 55. The public
        // facts and the published 50 decide it, so the answer is one score.
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"" + j1 + "\",\"netEarningsCents\":0}]}")
                .statusCode(200)
                .body("before.jss", equalTo(50)).body("determined", equalTo(true)).body("after.jss", equalTo(55))
                .body("model.version", equalTo("jss-model-1"))
                .body("after.asOf", equalTo("2025-07-01")).body("range.min", equalTo(55)).body("range.max", equalTo(55))
                .body("difference.jss", equalTo(5)).body("difference.W24", equalTo(5)).body("difference.W3", nullValue())
                .body("badgesGained", empty()).body("badgesLost", empty())
                // J1's class after the refund is NEGATIVE whatever its client said privately: shown.
                .body("contracts.find { it.contractId == '" + j1 + "' }.privateFeedbackDecides", equalTo(false))
                .body("contracts.find { it.contractId == '" + j1 + "' }.inclusion", equalTo("COUNTED"))
                .body("contracts.find { it.contractId == '" + j1 + "' }.outcome", equalTo("NEGATIVE"))
                .body("contracts.find { it.contractId == '" + j1 + "' }.weightQ", equalTo(4))
                .body("contracts.find { it.contractId == '" + j1 + "' }.changed", equalTo(true));
        // (b) Refunded to $0 and a happy client (rec 9, no public rating): J1 is excluded → no score.
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"" + j1 + "\",\"netEarningsCents\":0},"
                + "{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + j1 + "\",\"privateRecommend\":9},"
                + "{\"type\":\"PUBLIC_RATING\",\"contractId\":\"" + j1 + "\",\"publicOverall\":null}]}")
                .statusCode(200).body("after.jss", nullValue()).body("difference.jss", nullValue())
                .body("contracts.find { it.contractId == '" + j1 + "' }.inclusion", equalTo("EXCLUDED_ZERO_EARNINGS"));
        // (c) Keep the $500 and get rec 9 and 4.5 public: 100.
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + j1 + "\",\"privateRecommend\":9},"
                + "{\"type\":\"PUBLIC_RATING\",\"contractId\":\"" + j1 + "\",\"publicOverall\":4.5}]}")
                .statusCode(200).body("after.jss", equalTo(100)).body("after.band", equalTo("TOP")).body("difference.jss", equalTo(50));

        // Nothing was stored or announced.
        assertEquals(changesBefore, Db.scoreChangedRows(f));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f).then().body("jss", equalTo(50));
        whatIf(f, "ops", "PLATFORM", "{}").statusCode(200).body("before.jss", equalTo(50)).body("after.jss", equalTo(50))
                .body("difference.jss", equalTo(0));
    }

    @Test
    void whenWillTheBadContractStopCountingAndWhatDoesANewContractDo() {
        // EX-6: 80 today; on 2025-09-11 Q1 leaves W12 and the score is 73.
        Seed.Story story = seeded("ex06a-rolling-windows-2025-07-01.json");
        String f = story.freelancerId();
        whatIf(f, f, "FREELANCER", "{\"asOf\":\"2025-09-10\"}").statusCode(200).body("after.jss", equalTo(80));
        whatIf(f, f, "FREELANCER", "{\"asOf\":\"2025-09-11\"}").statusCode(200)
                .body("before.jss", equalTo(80)).body("before.asOf", equalTo("2025-07-01"))
                .body("after.jss", equalTo(73)).body("after.selectedWindow", equalTo("W12")).body("after.asOf", equalTo("2025-09-11"))
                .body("difference.jss", equalTo(-7)).body("difference.W12", equalTo(-7)).body("difference.W6", equalTo(-18));
        // A new $300 contract rated 10 ending 2025-06-30, with a new client: W12 = 21/25 → 84.
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":{\"contractId\":\"new-1\","
                + "\"clientId\":\"c-new\",\"status\":\"ENDED\",\"startedAt\":\"2025-06-01\",\"endedAt\":\"2025-06-30\","
                + "\"netEarningsCents\":30000,\"paymentDates\":[\"2025-06-30\"],\"privateRecommend\":10}}]}")
                .statusCode(200).body("after.jss", equalTo(84)).body("after.windows.W12", equalTo(84))
                .body("contracts.find { it.contractId == 'new-1' }.hypothetical", equalTo(true))
                .body("contracts.find { it.contractId == 'new-1' }.weightQ", equalTo(5));
    }

    @Test
    void aWhatIfRefusesBadQuestionsNamingTheField() {
        Seed.Story story = seeded("ex02-seed003-law-of-averages.json");
        String f = story.freelancerId();
        String j1 = story.contractIds().get("J1");
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"nope\",\"netEarningsCents\":0}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contractId"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"" + j1 + "\",\"netEarningsCents\":60000}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].netEarningsCents"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"" + j1 + "\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].netEarningsCents"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + j1 + "\",\"privateRecommend\":11}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].privateRecommend"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":{\"contractId\":\"" + j1 + "\","
                + "\"clientId\":\"c\",\"status\":\"ENDED\",\"startedAt\":\"2025-06-01\",\"endedAt\":\"2025-06-02\",\"netEarningsCents\":1}}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contract.contractId"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":{\"contractId\":\"x\","
                + "\"clientId\":\"c\",\"status\":\"ENDED\",\"startedAt\":\"2025-06-01\",\"netEarningsCents\":1}}]}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contract.endedAt"));
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"TIP\",\"contractId\":\"" + j1 + "\"}]}").statusCode(400);
        whatIf(f, f, "FREELANCER", "{\"asOf\":\"2025-06-30\"}").statusCode(400).body("errors[0].field", equalTo("asOf"));
        // At most what-if-days-ahead (3650) days after today; the engine would take any date, nobody plans further.
        LocalDate latest = LocalDate.parse("2025-07-01").plusDays(3650);
        whatIf(f, f, "FREELANCER", "{\"asOf\":\"" + latest + "\"}").statusCode(200).body("after.asOf", equalTo(latest.toString()));
        whatIf(f, f, "FREELANCER", "{\"asOf\":\"" + latest.plusDays(1) + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        for (String asOf : List.of("\"2199-12-31\"", "\"+999999999-12-31\"", "20250701", "\"\"", "\"2025-07-01T00:00:00Z\"")) {
            whatIf(f, f, "FREELANCER", "{\"asOf\":" + asOf + "}").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("asOf"));
        }
        whatIf(f, f, "FREELANCER", "{\"when\":\"tomorrow\"}").statusCode(400).body("errors[0].field", equalTo("when"));
    }

    @Test
    void theExplanationShowsWhatThePublicFactsDecideAndNeverWhatOnlyPrivateFeedbackDoes() {
        // EX-4: P1 SUCCESS 5 q, P2 SUCCESS 6 q, Z1 $0 rec 10 excluded, Z2 $0 no feedback excluded, Z3 $0 rec 1 NEGATIVE 4 q:
        // 11/15 → 73. But Z1 NEGATIVE and Z3 happy gives 73 as well: what the freelancer sees cannot tell which $0
        // contract hurts, so neither shows a class; P1 and P2 must be successes for 73, so they do.
        Seed.Story story = seeded("ex04a-seed004-zero-pay-rule.json");
        String f = story.freelancerId();
        String z3 = story.contractIds().get("Z3");
        String z1 = story.contractIds().get("Z1");
        String z2 = story.contractIds().get("Z2");
        String p1 = story.contractIds().get("P1");
        String body = given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/explanation", f)
                .then().statusCode(200).body("jss", equalTo(73)).body("asOf", equalTo("2025-07-01"))
                .body("model.version", equalTo("jss-model-1")).body("model.label", notNullValue())
                .body("contracts", hasSize(5))
                .body("contracts.find { it.contractId == '" + z3 + "' }.decidedBy", equalTo("PRIVATE_FEEDBACK"))
                .body("contracts.find { it.contractId == '" + z3 + "' }.inclusion", nullValue())
                .body("contracts.find { it.contractId == '" + z3 + "' }.outcome", nullValue())
                .body("contracts.find { it.contractId == '" + z3 + "' }.impactShown", equalTo(false))
                .body("contracts.find { it.contractId == '" + z3 + "' }.jssWithout", nullValue())
                .body("contracts.find { it.contractId == '" + z3 + "' }.scoreImpact", nullValue())
                .body("contracts.find { it.contractId == '" + z3 + "' }.weightQ", equalTo(4))
                .body("contracts.find { it.contractId == '" + z1 + "' }.decidedBy", equalTo("PRIVATE_FEEDBACK"))
                .body("contracts.find { it.contractId == '" + z1 + "' }.inclusion", nullValue())
                .body("contracts.find { it.contractId == '" + z2 + "' }.inclusion", equalTo("EXCLUDED_NO_FEEDBACK"))
                .body("contracts.find { it.contractId == '" + p1 + "' }.decidedBy", equalTo("PUBLIC_FACTS"))
                .body("contracts.find { it.contractId == '" + p1 + "' }.outcome", equalTo("SUCCESS"))
                .body("contracts.find { it.contractId == '" + p1 + "' }.weightQ", equalTo(5))
                .body("contracts.find { it.contractId == '" + p1 + "' }.weightJobs", equalTo(1.25f))
                // Without P1: 6 q success over 10 whichever $0 contract is negative.
                .body("contracts.find { it.contractId == '" + p1 + "' }.jssWithout", equalTo(60))
                .body("contracts.find { it.contractId == '" + p1 + "' }.scoreImpact", equalTo(13))
                .extract().asString();
        for (String secret : List.of("privateRecommend", "publicOverall", "satisfaction", "privateEndReason", "NEGATIVE")) {
            assertFalse(body.contains(secret), "a freelancer's explanation shows " + secret);
        }
        // score-changed, which subscribers show to anyone: a $0 contract counts only when NEGATIVE, so Z1's and Z3's
        // inclusion would tell their clients' private ratings; Z2 has no feedback at all, which is no secret.
        JsonNode changed = Db.scoreChangedFromKafka(f, (int) Db.scoreChangedRows(f)).getLast();
        for (JsonNode c : changed.get("contracts")) {
            String id = c.get("contractId").asText();
            if (id.equals(z1) || id.equals(z3)) {
                assertEquals("DECIDED_BY_PRIVATE_FEEDBACK", c.get("status").asText(), id);
                assertTrue(c.get("weightJobs").isNull());
            }
            if (id.equals(z2)) {
                assertEquals("EXCLUDED_NO_FEEDBACK", c.get("status").asText());
            }
        }
        // "What if Z3's client had been happy?" 100 if Z3 is the negative one, still 73 if Z1 is: a range, never the answer
        // the real private ratings give.
        whatIf(f, f, "FREELANCER", "{\"changes\":[{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + z3 + "\",\"privateRecommend\":10}]}")
                .statusCode(200).body("determined", equalTo(false)).body("after", nullValue())
                .body("range.min", equalTo(73)).body("range.max", equalTo(100)).body("possibleAfter.jss", contains(73, 100))
                .body("difference.jss", nullValue())
                .body("summary", equalTo("The score would be between 73 and 100: it depends on your clients' private "
                        + "feedback, which you can't see."))
                .body("contracts.find { it.contractId == '" + z3 + "' }.inclusion", equalTo("EXCLUDED_ZERO_EARNINGS"))
                .body("contracts.find { it.contractId == '" + z1 + "' }.privateFeedbackDecides", equalTo(true))
                .body("contracts.find { it.contractId == '" + z1 + "' }.inclusion", nullValue())
                .body("contracts.find { it.contractId == '" + p1 + "' }.outcome", equalTo("SUCCESS"));
        // PLATFORM sees the stored feedback, private rating included, and the real answer: Z3's client also ended with
        // JOB_COMPLETED_UNSUCCESSFULLY, which still caps it.
        whatIf(f, "ops", "PLATFORM", "{\"changes\":[{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + z3 + "\",\"privateRecommend\":10}]}")
                .statusCode(200).body("determined", equalTo(true)).body("after.jss", equalTo(73));
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score/explanation", f)
                .then().statusCode(200)
                .body("contracts.find { it.contractId == '" + z3 + "' }.outcome", equalTo("NEGATIVE"))
                .body("contracts.find { it.contractId == '" + z3 + "' }.scoreImpact", equalTo(-27))
                .body("contracts.find { it.contractId == '" + z3 + "' }.feedback.privateRecommend", equalTo(1))
                .body("contracts.find { it.contractId == '" + z3 + "' }.feedback.revealed", equalTo(true))
                .body("contracts.find { it.contractId == '" + z3 + "' }.feedback.satisfaction", equalTo("NEGATIVE"));
    }

    @Test
    void theHistoryPagesThroughEveryChangeNewestFirst() {
        String f = TestEvents.newId("f");
        // Three contracts from three clients, one batch each: null → 100 (two contracts), 100 → 66 (a negative one).
        scores.applyBatch(Seed.ratedContract(f, java.util.UUID.randomUUID().toString(), TestEvents.newId("c"),
                LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-10"), 50000, 10, null));
        scores.applyBatch(Seed.ratedContract(f, java.util.UUID.randomUUID().toString(), TestEvents.newId("c"),
                LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-20"), 50000, 10, null));
        scores.applyBatch(Seed.ratedContract(f, java.util.UUID.randomUUID().toString(), TestEvents.newId("c"),
                LocalDate.parse("2025-05-01"), LocalDate.parse("2025-06-20"), 50000, 2, null));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?size=1", f)
                .then().statusCode(200).body("totalItems", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("items", hasSize(1)).body("items[0].previous.jss", equalTo(100)).body("items[0].current.jss", equalTo(66))
                .body("items[0].trigger", equalTo("EVENT")).body("items[0].cause.eventType", equalTo("feedback.revealed"))
                .body("items[0].scoreChangedEventId", notNullValue()).body("items[0].current.badges", empty());
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score/history?page=1&size=1", f)
                .then().statusCode(200).body("items[0].previous.jss", nullValue()).body("items[0].current.jss", equalTo(100))
                .body("items[0].windows.W24", equalTo(100));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?page=2&size=1", f)
                .then().statusCode(200).body("items", empty());
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?size=0", f)
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?page=-1", f)
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        // page × size would overflow an int: page is bounded (0–1,000,000), size too (1–100).
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?page=21474837&size=100", f)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?page=1000001", f)
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?size=101", f)
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score/history?page=1000000&size=100", f)
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items", empty());
    }

    @Test
    void clientsSeeOnlyThePublishedScoreAndOtherFreelancersNotEvenTheDetails() {
        Seed.Story story = seeded("ex01b-brief-sample-add-c.json");
        String f = story.freelancerId();
        String body = given().header("Authorization", bearer(TestEvents.newId("c"), "CLIENT")).get("/freelancers/{id}/score", f)
                .then().statusCode(200).body("jss", equalTo(100)).body("badges", empty()).extract().asString();
        assertFalse(body.contains("contracts"));
        for (String[] caller : new String[][] {{TestEvents.newId("c"), "CLIENT"}, {TestEvents.newId("f"), "FREELANCER"},
                {f, "CLIENT"}}) {
            String auth = bearer(caller[0], caller[1]);
            given().header("Authorization", auth).get("/freelancers/{id}/score/explanation", f).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("NOT_YOUR_SCORE"));
            given().header("Authorization", auth).get("/freelancers/{id}/score/history", f).then().statusCode(403);
            given().header("Authorization", auth).contentType(ContentType.JSON).body("{}").post("/freelancers/{id}/what-if", f)
                    .then().statusCode(403);
        }
        given().get("/freelancers/{id}/score/explanation", f).then().statusCode(401);
        // The feedback-removal perk is the freelancer's own request.
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"x\"}").post("/freelancers/{id}/feedback-removals", f).then().statusCode(403);
        assertTrue(Db.scoreChangedRows(f) >= 1);
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f).then()
                .body("badges", empty()).body("reason", nullValue());
    }
}
