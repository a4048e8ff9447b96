package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.scoring.ScoreService;
import dev.jobsuccess.score.snapshot.SnapshotService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Badges through the service with the clock moved: EX-5 (Top Rated lost at the snapshot after a lukewarm
 * private rating; the legacy perk taking the contract out again, or keeping it in), and EX-12 (13 of the last 16
 * weekly snapshots).
 */
@QuarkusTest
class TopRatedTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;
    @Inject
    SnapshotService snapshots;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(LocalDate date) {
        clock.pin(date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(5));
    }

    void snapshot(LocalDate date) {
        at(date);
        snapshots.snapshotDay(date);
    }

    /** EX-5's history: eight $600 contracts rated 10, each with its own client, ended 2025-01-20 … 2025-03-31. */
    static List<IncomingFact> ex5History(String freelancer) {
        return history(freelancer, LocalDate.parse("2025-01-20"), 10);
    }

    /** Eight $600 contracts rated 10, each with its own client, the first ending on {@code first}, then every few days. */
    static List<IncomingFact> history(String freelancer, LocalDate first, int everyDays) {
        List<IncomingFact> facts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate ended = first.plusDays((long) everyDays * i);
            facts.addAll(Seed.ratedContract(freelancer, UUID.randomUUID().toString(), TestEvents.newId("c"), ended.minusDays(21),
                    ended, 60000, 10, null));
        }
        return facts;
    }

    @Test
    void ex5ALukewarmPrivateRatingCostsTopRatedAtTheNextSnapshotUnlessThePerkTakesTheContractOut() {
        String keeps = TestEvents.newId("f");       // R rated 6: loses Top Rated at the next snapshot
        String removes = TestEvents.newId("f");     // R rated 6, then the perk removes R
        String rated10 = TestEvents.newId("f");     // R rated 10: the perk keeps it in the score
        String notTopRated = TestEvents.newId("f"); // no history: never Top Rated
        at(LocalDate.parse("2025-04-01"));
        for (String f : List.of(keeps, removes, rated10)) {
            scores.applyBatch(ex5History(f));
        }
        // 13 Sundays at 100 (2025-04-06 … 2025-06-29): the weeks Top Rated needs.
        for (LocalDate sunday = LocalDate.parse("2025-04-06"); !sunday.isAfter(LocalDate.parse("2025-06-29"));
             sunday = sunday.plusWeeks(1)) {
            snapshot(sunday);
        }
        // R: a $1,500 milestone, $500 paid and $1,000 refunded, ended 2025-06-20; 5.0 public. Its client's private
        // rating is not revealed yet.
        at(LocalDate.parse("2025-06-21"));
        java.util.Map<String, String> contractR = new java.util.HashMap<>();
        java.util.Map<String, String> clientR = new java.util.HashMap<>();
        for (String f : List.of(keeps, removes, rated10, notTopRated)) {
            contractR.put(f, UUID.randomUUID().toString());
            clientR.put(f, TestEvents.newId("c"));
            scores.applyBatch(List.of(Seed.fact(Seed.closed(contractR.get(f), f, clientR.get(f), LocalDate.parse("2025-05-10"),
                    LocalDate.parse("2025-06-20"), 50000))));
        }
        snapshot(LocalDate.parse("2025-07-01"));
        for (String f : List.of(keeps, removes, rated10)) {
            given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f).then().statusCode(200)
                    .body("jss", equalTo(100)).body("badges", contains("TOP_RATED")).body("eligibleWeeksLast16", equalTo(13));
        }
        JsonNode gained = Db.scoreChangedPayloads(keeps).getLast();
        assertEquals(Db.json("{\"previous\":[],\"current\":[\"TOP_RATED\"],\"gained\":[\"TOP_RATED\"],\"lost\":[]}"),
                gained.get("badges"));
        assertEquals("SCHEDULED_DAILY", gained.get("trigger").asText());

        // The client's feedback on R is revealed the same day: rec 6 (NEGATIVE) for two of them, rec 10 for the third.
        at(LocalDate.parse("2025-07-01"));
        clock.advance(java.time.Duration.ofHours(12));
        for (String f : List.of(keeps, removes, rated10, notTopRated)) {
            int recommend = f.equals(rated10) ? 10 : 6;
            String feedbackId = UUID.randomUUID().toString();
            scores.applyBatch(List.of(
                    Seed.fact(Seed.feedback(feedbackId, contractR.get(f), f, clientR.get(f), recommend, new BigDecimal("5.0"),
                            LocalDate.parse("2025-06-20"))),
                    Seed.fact(new FeedbackReveal(feedbackId, contractR.get(f), f, clientR.get(f), clock.instant(), "BOTH_SUBMITTED"))));
        }
        // 40/45 → 88 (SOLID) at once; the badge is evaluated at the next snapshot, so it is still held today.
        given().header("Authorization", bearer(keeps, "FREELANCER")).get("/freelancers/{id}/score", keeps).then()
                .body("jss", equalTo(88)).body("band", equalTo("SOLID")).body("badges", contains("TOP_RATED"));

        // The legacy perk, asked while still Top Rated: leaving R out raises the score (88 → 100), so R leaves it.
        given().header("Authorization", bearer(removes, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(removes) + "\",\"mode\":\"JSS_ONLY\"}")
                .post("/freelancers/{id}/feedback-removals", removes)
                .then().statusCode(201).body("accepted", equalTo(true)).body("keptInJss", equalTo(false))
                .body("reason", equalTo("ACCEPTED")).body("jssWith", equalTo(88)).body("jssWithout", equalTo(100));
        given().header("Authorization", bearer(removes, "FREELANCER")).get("/freelancers/{id}/score/explanation", removes)
                .then().statusCode(200).body("jss", equalTo(100))
                .body("contracts.find { it.contractId == '" + contractR.get(removes) + "' }.inclusion", equalTo("EXCLUDED_PERK"));
        JsonNode removal = Db.scoreChangedPayloads(removes).getLast();
        assertEquals("feedback-removal.accepted", removal.at("/cause/eventType").asText());
        assertEquals(100, removal.at("/current/jss").asInt());
        // Once every 3 months: a second request at once is refused by rule.
        clock.advance(java.time.Duration.ofSeconds(1));
        String another = given().header("Authorization", bearer(removes, "FREELANCER")).get("/freelancers/{id}/score/explanation",
                removes).then().extract().path("contracts[0].contractId");
        given().header("Authorization", bearer(removes, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + another + "\"}").post("/freelancers/{id}/feedback-removals", removes)
                .then().statusCode(201).body("accepted", equalTo(false)).body("reason", equalTo("TOO_SOON"));
        given().header("Authorization", bearer(removes, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(removes) + "\"}").post("/freelancers/{id}/feedback-removals", removes)
                .then().statusCode(409).body("code", equalTo("ALREADY_REMOVED"));
        given().header("Authorization", bearer(removes, "FREELANCER")).get("/freelancers/{id}/feedback-removals", removes)
                .then().statusCode(200).body("size()", equalTo(2)).body("[0].accepted", equalTo(true));

        // A contract rated 10: removing it would not raise the score, so it is kept in JSS (the request still counts).
        given().header("Authorization", bearer(rated10, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(rated10) + "\",\"mode\":\"JSS_AND_PROFILE\"}")
                .post("/freelancers/{id}/feedback-removals", rated10)
                .then().statusCode(201).body("accepted", equalTo(true)).body("keptInJss", equalTo(true))
                .body("mode", equalTo("JSS_AND_PROFILE")).body("jssWith", equalTo(100)).body("jssWithout", equalTo(100));
        // Every decision is published for feedback-service, which hides the profile feedback of an accepted
        // JSS_AND_PROFILE request.
        List<JsonNode> decided = Db.outboxPayloads("feedback-removal-decided", removes);
        assertEquals(2, decided.size());
        assertEquals(List.of("ACCEPTED", "TOO_SOON"), decided.stream().map(d -> d.get("reason").asText()).toList());
        assertEquals(contractR.get(removes), decided.getFirst().get("contractId").asText());
        assertEquals("JSS_ONLY", decided.getFirst().get("mode").asText());
        assertEquals(false, decided.getFirst().get("keptInJss").asBoolean());
        JsonNode keptIn = Db.outboxPayloads("feedback-removal-decided", rated10).getFirst();
        assertEquals("JSS_AND_PROFILE", keptIn.get("mode").asText());
        assertEquals(true, keptIn.get("accepted").asBoolean());
        assertEquals(true, keptIn.get("keptInJss").asBoolean());

        // Only an ENDED contract's feedback can be removed: an open one is refused by rule.
        String open = UUID.randomUUID().toString();
        scores.applyBatch(List.of(Seed.fact(new dev.jobsuccess.score.facts.StartedContract(open, keeps, TestEvents.newId("c"),
                "HOURLY", null, Seed.noon(LocalDate.parse("2025-06-01")), Seed.noon(LocalDate.parse("2025-06-01"))))));
        given().header("Authorization", bearer(keeps, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + open + "\"}").post("/freelancers/{id}/feedback-removals", keeps)
                .then().statusCode(201).body("accepted", equalTo(false)).body("reason", equalTo("CONTRACT_NOT_ENDED"));

        // Not Top Rated: refused. Someone else's contract: 404. Another freelancer's account: 403.
        given().header("Authorization", bearer(notTopRated, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(notTopRated) + "\"}").post("/freelancers/{id}/feedback-removals", notTopRated)
                .then().statusCode(201).body("accepted", equalTo(false)).body("reason", equalTo("NOT_TOP_RATED"))
                .body("keptInJss", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", bearer(notTopRated, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(keeps) + "\"}").post("/freelancers/{id}/feedback-removals", notTopRated)
                .then().statusCode(404);
        given().header("Authorization", bearer(notTopRated, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"contractId\":\"" + contractR.get(keeps) + "\"}").post("/freelancers/{id}/feedback-removals", keeps)
                .then().statusCode(403);

        // The next snapshot: at 88 Top Rated is lost (a current score of 90 is required); the freelancer whose R
        // left the score keeps it.
        snapshot(LocalDate.parse("2025-07-02"));
        given().header("Authorization", bearer(keeps, "FREELANCER")).get("/freelancers/{id}/score", keeps).then()
                .body("jss", equalTo(88)).body("badges", empty());
        given().header("Authorization", bearer(removes, "FREELANCER")).get("/freelancers/{id}/score", removes).then()
                .body("jss", equalTo(100)).body("badges", contains("TOP_RATED"));
        List<JsonNode> events = Db.scoreChangedFromKafka(keeps, 4);
        JsonNode lost = events.getLast();
        assertEquals("SCHEDULED_DAILY", lost.get("trigger").asText());
        assertEquals("2025-07-02", lost.at("/cause/snapshotDate").asText());
        assertEquals(Db.json("{\"previous\":[\"TOP_RATED\"],\"current\":[],\"gained\":[],\"lost\":[\"TOP_RATED\"]}"),
                lost.get("badges"));
        assertEquals(88, lost.at("/previous/jss").asInt());
        assertEquals(88, lost.at("/current/jss").asInt());
        JsonNode drop = events.get(2);
        assertEquals("EVENT", drop.get("trigger").asText());
        assertEquals(Db.json("{\"jss\":88,\"selectedWindow\":\"W24\",\"band\":\"SOLID\"}"), drop.get("current"));
    }

    @Test
    void ex12TopRatedNeeds13OfTheLast16WeeklySnapshots() {
        String freelancer = TestEvents.newId("f");
        // Eight $600 contracts rated 10 (ended 2025-01-05 … 2025-02-09) and one $500 rated 8 (NEUTRAL), ended
        // 2025-02-20: 40/45 → 88 in every window.
        at(LocalDate.parse("2025-03-01"));
        List<IncomingFact> facts = new ArrayList<>(history(freelancer, LocalDate.parse("2025-01-05"), 5));
        facts.addAll(Seed.ratedContract(freelancer, UUID.randomUUID().toString(), TestEvents.newId("c"),
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-02-20"), 50000, 8, null));
        scores.applyBatch(facts);
        LocalDate s1 = LocalDate.parse("2025-03-02");
        for (int week = 0; week < 4; week++) {
            snapshot(s1.plusWeeks(week));
        }
        // A new $500 contract rated 10 ends 2025-03-25: 45/50 → 90 from then on.
        at(LocalDate.parse("2025-03-26"));
        scores.applyBatch(Seed.ratedContract(freelancer, UUID.randomUUID().toString(), TestEvents.newId("c"),
                LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-25"), 50000, 10, null));
        for (int week = 4; week < 16; week++) {
            snapshot(s1.plusWeeks(week));
        }
        // Sunday 16 (2025-06-15): four weeks at 88 and twelve at 90 → 12 of 16: not Top Rated, although the score is 90.
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer).then()
                .body("jss", equalTo(90)).body("badges", empty()).body("eligibleWeeksLast16", equalTo(12));
        long before = Db.scoreChangedRows(freelancer);
        // The next week pushes one 88 out: 13 of 16 → Top Rated.
        snapshot(s1.plusWeeks(16));
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer).then()
                .body("jss", equalTo(90)).body("badges", contains("TOP_RATED")).body("eligibleWeeksLast16", equalTo(13));
        List<JsonNode> events = Db.scoreChangedFromKafka(freelancer, (int) before + 1);
        JsonNode gained = events.getLast();
        assertEquals(13, gained.get("eligibleWeeksLast16").asInt());
        assertEquals(Db.json("[\"TOP_RATED\"]"), gained.at("/badges/gained"));
        assertEquals("2025-06-22", gained.get("asOf").asText());
        assertEquals(16, Db.count("SELECT count(*) FROM weekly_score WHERE freelancer_id = ?1 AND week_date <= '2025-06-15'",
                freelancer));
    }
}
