package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.CONTRACT_CLOSED;
import static dev.jobsuccess.score.TestEvents.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.scoring.ScoreService;
import dev.jobsuccess.score.snapshot.SnapshotService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Top Rated Plus from the real earnings of the last 12 months, category thresholds and account holds (domain.md
 * §d.3.9), through the service with the clock moved. Each freelancer has EX-5's eight $600 contracts rated 10 (ended
 * 2025-01-20 … 2025-03-31, $4,800) and one large $6,000 contract L, half paid on 2024-07-10 and half on its end,
 * 2025-06-30, published as contract-closed with each payment's amount.
 */
@QuarkusTest
class TopRatedPlusTest {

    private static final LocalDate FIRST_SUNDAY = LocalDate.parse("2025-04-06");
    private static final LocalDate LAST_SUNDAY = LocalDate.parse("2025-06-29");

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

    /** Snapshots every Sunday from {@code from} to {@code to}: the weeks Top Rated counts. */
    void sundays(LocalDate from, LocalDate to) {
        for (LocalDate sunday = from; !sunday.isAfter(to); sunday = sunday.plusWeeks(1)) {
            snapshot(sunday);
        }
    }

    /** EX-5's history, then L (of {@code category}) closed through Kafka on 2025-06-30 and rated 10. */
    void freelancerWithLargeContract(String freelancer, String largeContract, String category) {
        at(LocalDate.parse("2025-04-01"));
        scores.applyBatch(TopRatedTest.ex5History(freelancer));
        String client = newId("c");
        ObjectNode closed = TestEvents.contractClosed(largeContract, client, freelancer, "2024-06-20T09:00:00Z",
                "2025-06-30T12:00:00Z", 600_000, "JOB_COMPLETED_SUCCESSFULLY");
        closed.put("category", category);
        closed.putArray("paymentInstants").add("2024-07-10T12:00:00Z").add("2025-06-30T12:00:00Z");
        ArrayNode earnings = closed.putArray("earnings");
        earnings.addObject().put("at", "2024-07-10T12:00:00Z").put("amountCents", 300_000);
        earnings.addObject().put("at", "2025-06-30T12:00:00Z").put("amountCents", 300_000);
        OpenContractsTest.awaitApplied(TestEvents.send(CONTRACT_CLOSED, closed));
        String feedbackId = UUID.randomUUID().toString();
        scores.applyBatch(List.of(
                Seed.fact(Seed.feedback(feedbackId, largeContract, freelancer, client, 10, new BigDecimal("5.0"),
                        LocalDate.parse("2025-06-30"))),
                Seed.fact(new FeedbackReveal(feedbackId, largeContract, freelancer, client,
                        Seed.noon(LocalDate.parse("2025-06-30")), "BOTH_SUBMITTED"))));
    }

    static void assertBadges(String freelancer, String... badges) {
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/score", freelancer).then()
                .statusCode(200).body("jss", equalTo(100)).body("badges", badges.length == 0 ? empty() : contains(badges));
    }

    @Test
    void topRatedPlusCountsEachPaymentInTheTwelveMonthsItWasMadeAndEachCategoryByItsThreshold() {
        String design = newId("f");
        String video = newId("f");
        String large = UUID.randomUUID().toString();
        freelancerWithLargeContract(design, large, "design");
        // In "video" a contract is large from $7,000 (this profile's configuration), so L is not large there.
        freelancerWithLargeContract(video, UUID.randomUUID().toString(), "video");
        assertEquals(2, Db.count("SELECT cardinality(earning_cents) FROM contract_fact WHERE contract_id = ?1", large));
        sundays(FIRST_SUNDAY, LAST_SUNDAY);

        // 2025-07-01: $4,800 + $6,000 = $10,800 in 12 months (more than $10,000), and L earned $6,000 of them.
        snapshot(LocalDate.parse("2025-07-01"));
        assertBadges(design, "TOP_RATED", "TOP_RATED_PLUS");
        assertBadges(video, "TOP_RATED");

        // 2025-07-11: L's first $3,000 (2024-07-10) is more than 12 months old. L earned $3,000 in the last 12 months
        // and the freelancer $7,800: Top Rated Plus is lost, though L's whole $6,000 was paid "within" a year of its end.
        snapshot(LocalDate.parse("2025-07-11"));
        assertBadges(design, "TOP_RATED");
        JsonNode lost = Db.scoreChangedPayloads(design).getLast();
        assertEquals(Db.json("{\"previous\":[\"TOP_RATED\",\"TOP_RATED_PLUS\"],\"current\":[\"TOP_RATED\"],\"gained\":[],"
                + "\"lost\":[\"TOP_RATED_PLUS\"]}"), lost.get("badges"));
        assertEquals("2025-07-11", lost.at("/cause/snapshotDate").asText());
    }

    @Test
    void anAccountHoldBlocksTheBadgesAtOnceAndForNinetyDaysAfterItEnds() {
        String freelancer = newId("f");
        freelancerWithLargeContract(freelancer, UUID.randomUUID().toString(), "design");
        sundays(FIRST_SUNDAY, LAST_SUNDAY);
        snapshot(LocalDate.parse("2025-07-01"));
        assertBadges(freelancer, "TOP_RATED", "TOP_RATED_PLUS");

        // Only PLATFORM places holds; a reason is required, an end must be in the future.
        at(LocalDate.parse("2025-07-02"));
        clock.advance(java.time.Duration.ofHours(10));
        given().header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"reason\":\"negative feedback from several clients\"}")
                .put("/freelancers/{id}/account-hold", freelancer).then().statusCode(403);
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON).body("{}")
                .put("/freelancers/{id}/account-hold", freelancer).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                .body("{\"reason\":\"r\",\"until\":\"2025-07-01T00:00:00Z\"}")
                .put("/freelancers/{id}/account-hold", freelancer).then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        assertBadges(freelancer, "TOP_RATED", "TOP_RATED_PLUS");
        assertEquals(0, Db.count("SELECT count(*) FROM account_hold WHERE freelancer_id = ?1", freelancer));

        // Placed: the badges go at once, announced with the hold as the cause. Placing it again changes nothing.
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                    .body("{\"reason\":\"negative feedback from several clients\"}")
                    .put("/freelancers/{id}/account-hold", freelancer).then().statusCode(200)
                    .body("startsAt", equalTo("2025-07-02T10:00:05Z")).body("endsAt", nullValue())
                    .body("placedBy", equalTo("ops"));
        }
        assertBadges(freelancer);
        JsonNode placed = Db.scoreChangedPayloads(freelancer).getLast();
        assertEquals("account-hold.placed", placed.at("/cause/eventType").asText());
        assertEquals(Db.json("{\"previous\":[\"TOP_RATED\",\"TOP_RATED_PLUS\"],\"current\":[],\"gained\":[],"
                + "\"lost\":[\"TOP_RATED\",\"TOP_RATED_PLUS\"]}"), placed.get("badges"));
        long announced = Db.scoreChangedRows(freelancer);

        // Lifted the next day: the badges stay away, since a hold ran in the last 90 days. The freelancer sees their
        // holds; another freelancer and clients do not.
        at(LocalDate.parse("2025-07-03"));
        clock.advance(java.time.Duration.ofHours(10));
        given().header("Authorization", bearer("ops", "PLATFORM")).delete("/freelancers/{id}/account-hold", freelancer)
                .then().statusCode(204);
        given().header("Authorization", bearer("ops", "PLATFORM")).delete("/freelancers/{id}/account-hold", freelancer)
                .then().statusCode(204);
        assertBadges(freelancer);
        assertEquals(announced, Db.scoreChangedRows(freelancer), "lifting changed no badge: nothing to announce");
        given().header("Authorization", bearer(freelancer, "FREELANCER")).get("/freelancers/{id}/account-holds", freelancer)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].endsAt", equalTo("2025-07-03T10:00:05Z"))
                .body("[0].liftedBy", equalTo("ops")).body("[0].reason", containsString("several clients"));
        given().header("Authorization", bearer(newId("f"), "FREELANCER")).get("/freelancers/{id}/account-holds", freelancer)
                .then().statusCode(403);
        given().header("Authorization", bearer(newId("c"), "CLIENT")).get("/freelancers/{id}/account-holds", freelancer)
                .then().statusCode(403);

        // Weeks pass at 100 (the hold does not touch the score). A $600 contract ended 2025-09-30 keeps the freelancer
        // active. On 2025-10-01 the hold (until 2025-07-03 10:00) is within the last 90 days; on 2025-10-02 it is not:
        // Top Rated is back ($7,800 in 12 months, not enough for Top Rated Plus).
        sundays(LocalDate.parse("2025-07-06"), LocalDate.parse("2025-09-28"));
        at(LocalDate.parse("2025-09-30"));
        scores.applyBatch(Seed.ratedContract(freelancer, UUID.randomUUID().toString(), newId("c"),
                LocalDate.parse("2025-09-09"), LocalDate.parse("2025-09-30"), 60000, 10, null));
        snapshot(LocalDate.parse("2025-10-01"));
        assertBadges(freelancer);
        snapshot(LocalDate.parse("2025-10-02"));
        assertBadges(freelancer, "TOP_RATED");
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/account-holds", freelancer)
                .then().statusCode(200).body("[0].holdId", notNullValue());
    }
}
