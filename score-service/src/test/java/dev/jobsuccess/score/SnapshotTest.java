package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.facts.StartedContract;
import dev.jobsuccess.score.scoring.ScoreService;
import dev.jobsuccess.score.snapshot.SnapshotService;
import io.quarkus.test.junit.QuarkusTest;

/** The daily snapshot: contracts age out without new events (EX-6), and dates are claimed once and caught up. */
@QuarkusTest
class SnapshotTest {

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

    /** Shortly after midnight UTC of the date, when the scheduled job runs. */
    void midnight(LocalDate date) {
        clock.pin(date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(5));
    }

    @Test
    void contractsAgeOutOfTheirWindowsWithNoNewEvent() {
        // EX-6: as of 2025-07-01, W24 61, W12 80, W6 73, W3 55, TRENDING 64: displayed 80 (W12).
        Seed.Story story = Seed.story(Seed.example("examples/ex06a-rolling-windows-2025-07-01.json"));
        String freelancer = story.freelancerId();
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
        scores.applyBatch(story.facts());
        assertScore(freelancer, 80, "W12", "SOLID", 61, 80, 73, 55, 64);
        assertEquals(1, Db.scoreChangedRows(freelancer));

        // 2025-09-10: Q1 (ended 2024-09-10) is exactly 12 months old and still in W12: still 80 from W12. The window
        // values moved (W6 from Q2 to Q3+Q4, W3 empty), which is not announced.
        midnight(LocalDate.parse("2025-09-10"));
        snapshots.snapshotDay(LocalDate.parse("2025-09-10"));
        assertScore(freelancer, 80, "W12", "SOLID", 61, 80, 55, null, null);
        assertEquals(1, Db.scoreChangedRows(freelancer));

        // 2025-09-11: Q1 has left W12: 11/15 → 73. The "why did my JSS drop?" case, announced by the snapshot.
        midnight(LocalDate.parse("2025-09-11"));
        snapshots.snapshotDay(LocalDate.parse("2025-09-11"));
        assertScore(freelancer, 73, "W12", "AT_RISK", 61, 73, 55, null, null);

        List<JsonNode> events = Db.scoreChangedFromKafka(freelancer, 2);
        JsonNode drop = events.getLast();
        assertEquals("SCHEDULED_DAILY", drop.get("trigger").asText());
        assertEquals("2025-09-11", drop.get("asOf").asText());
        assertTrue(drop.at("/cause/eventId").isNull());
        assertEquals("2025-09-11", drop.at("/cause/snapshotDate").asText());
        assertEquals(Db.json("{\"jss\":80,\"selectedWindow\":\"W12\",\"band\":\"SOLID\"}"), drop.get("previous"));
        assertEquals(Db.json("{\"jss\":73,\"selectedWindow\":\"W12\",\"band\":\"AT_RISK\"}"), drop.get("current"));
        assertEquals(Db.json("{\"W24\":61,\"W12\":73,\"W6\":55,\"W3\":null,\"TRENDING\":null}"), drop.get("windows"));
        assertEquals("EVENT", events.getFirst().get("trigger").asText());

        // Snapshotting a date again changes nothing; an earlier date never moves the score back.
        snapshots.snapshotDay(LocalDate.parse("2025-09-11"));
        snapshots.snapshotDay(LocalDate.parse("2025-09-10"));
        assertScore(freelancer, 73, "W12", "AT_RISK", 61, 73, 55, null, null);
        assertEquals(2, Db.scoreChangedRows(freelancer));
    }

    @Test
    void eachDateIsTakenOnceAndMissedDaysAreCaughtUp() throws Exception {
        // Dates far from every other test's, so that only this test's claims count.
        LocalDate first = LocalDate.parse("2031-01-10");
        midnight(first);
        assertEquals(List.of(first), snapshots.runDue());
        assertEquals(List.of(), snapshots.runDue(), "a taken date is not taken again");

        // Down for three days: the missed days are caught up, oldest first.
        midnight(first.plusDays(3));
        assertEquals(List.of(first.plusDays(1), first.plusDays(2), first.plusDays(3)), snapshots.runDue());

        // Enough open contracts for several chunks (chunk-size is 50 in tests): they are candidates on every date.
        List<IncomingFact> open = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            open.add(new IncomingFact(new EventCause(UUID.randomUUID(), "contract.started"), new StartedContract(
                    TestEvents.newId("k"), TestEvents.newId("f"), TestEvents.newId("c"), "HOURLY", null,
                    Instant.parse("2030-12-01T00:00:00Z"), Instant.parse("2030-12-01T00:00:00Z"))));
        }
        scores.applyBatch(open);

        // Two replicas at once share the date's chunks; exactly one of them completes the date.
        LocalDate shared = first.plusDays(4);
        midnight(shared);
        List<Callable<List<LocalDate>>> replicas = List.of(() -> snapshots.runDue("replica-a"), () -> snapshots.runDue("replica-b"));
        List<LocalDate> taken = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Future<List<LocalDate>> f : pool.invokeAll(replicas)) {
                taken.addAll(f.get());
            }
        }
        assertEquals(List.of(shared), taken);
        long chunks = Db.count("SELECT count(*) FROM snapshot_chunk WHERE snapshot_date = ?1", java.sql.Date.valueOf(shared));
        assertTrue(chunks >= 3, "chunks: " + chunks);
        assertEquals(chunks, Db.count("SELECT count(*) FROM snapshot_chunk WHERE snapshot_date = ?1 AND completed_by IN "
                + "('replica-a', 'replica-b')", java.sql.Date.valueOf(shared)));
        assertEquals(Db.count("SELECT sum(freelancers) FROM snapshot_chunk WHERE snapshot_date = ?1", java.sql.Date.valueOf(shared)),
                Db.count("SELECT freelancers FROM snapshot_run WHERE snapshot_date = ?1", java.sql.Date.valueOf(shared)));

        // A long outage: only the last max-catch-up-days (7 in tests) are caught up.
        LocalDate back = first.plusDays(30);
        midnight(back);
        List<LocalDate> caughtUp = snapshots.runDue();
        assertEquals(8, caughtUp.size());
        assertEquals(back.minusDays(7), caughtUp.getFirst());
        assertEquals(back, caughtUp.getLast());

        // A replica that dies mid-snapshot: it planned the date and holds the lock of its first chunk when it dies. The
        // others take every other chunk but cannot complete the date; once its connection is gone, its chunk is taken.
        LocalDate orphan = back.plusDays(1);
        java.sql.Date day = java.sql.Date.valueOf(orphan);
        Db.execute("INSERT INTO snapshot_run (snapshot_date, claimed_at, claimed_by) VALUES (?1, now(), 'a-dying-replica')", day);
        Db.execute("INSERT INTO snapshot_chunk (snapshot_date, chunk_no, from_freelancer, to_freelancer) VALUES "
                + "(?1, 0, NULL, 'f-8'), (?1, 1, 'f-8', NULL)", day);
        midnight(orphan);
        try (java.sql.Connection dying = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                "jobsuccess", "jobsuccess")) {
            dying.setAutoCommit(false);
            try (var lock = dying.prepareStatement(
                    "SELECT chunk_no FROM snapshot_chunk WHERE snapshot_date = ? AND chunk_no = 0 FOR UPDATE")) {
                lock.setDate(1, day);
                lock.executeQuery().close();
            }
            assertEquals(List.of(), snapshots.runDue(), "one chunk is still held");
            assertEquals(1, Db.count("SELECT count(*) FROM snapshot_chunk WHERE snapshot_date = ?1 AND completed_at IS NOT NULL",
                    day));
        }
        // PostgreSQL releases the dead connection's lock when its backend has noticed the close, a moment later.
        List<LocalDate> afterDeath = org.awaitility.Awaitility.await().atMost(Db.PATIENCE)
                .until(() -> snapshots.runDue(), dates -> !dates.isEmpty());
        assertEquals(List.of(orphan), afterDeath);
        assertEquals(2, Db.count("SELECT count(*) FROM snapshot_chunk WHERE snapshot_date = ?1 AND completed_at IS NOT NULL"
                + " AND completed_by <> 'a-dying-replica'", day));
    }

    @Test
    void aFreelancerWhoseFactsCannotBeScoredIsLeftOutOfTheSnapshotAndMarkedStale() {
        clock.pin(Instant.parse("2034-03-01T12:00:00Z"));
        String good = TestEvents.newId("f");
        String unscorable = TestEvents.newId("f");
        for (String f : List.of(good, unscorable)) {
            for (int i = 0; i < 2; i++) {
                scores.applyBatch(Seed.ratedContract(f, TestEvents.newId("k"), TestEvents.newId("c"), LocalDate.parse("2034-01-01"),
                        LocalDate.parse("2034-02-01"), 50_000, 10, new java.math.BigDecimal("5.00")));
            }
        }
        assertScore(good, 100, "W24", "TOP", 100, 100, 100, 100, 100);
        // Facts that no event could have stored (the consumer refuses them): more money than the engine accepts.
        Db.execute("UPDATE contract_fact SET net_earnings_cents = 300000000000 WHERE freelancer_id = ?1", unscorable);

        midnight(LocalDate.parse("2034-03-02"));
        snapshots.snapshotDay(LocalDate.parse("2034-03-02"));
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", unscorable).then()
                .statusCode(200).body("jss", equalTo(100)).body("asOf", equalTo("2034-03-01")).body("stale", equalTo(true));
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", good).then()
                .statusCode(200).body("asOf", equalTo("2034-03-02")).body("stale", equalTo(false));
    }

    @Test
    void platformRunsTheSnapshotOnDemand() {
        midnight(LocalDate.parse("2033-03-01"));
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(io.restassured.http.ContentType.JSON).body("{}")
                .post("/admin/snapshots").then().statusCode(200).body("taken", org.hamcrest.Matchers.hasItem("2033-03-01"));
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"date\":\"2033-02-01\"}").post("/admin/snapshots").then().statusCode(200)
                .body("taken", org.hamcrest.Matchers.contains("2033-02-01"));
        given().header("Authorization", bearer(TestEvents.newId("f"), "FREELANCER")).contentType(io.restassured.http.ContentType.JSON)
                .body("{}").post("/admin/snapshots").then().statusCode(403);
    }

    static void assertScore(String freelancer, Integer jss, String window, String band, Integer w24, Integer w12, Integer w6,
                            Integer w3, Integer trending) {
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/freelancers/{id}/score", freelancer)
                .then().statusCode(200)
                .body("jss", equalTo(jss)).body("selectedWindow", window == null ? nullValue() : equalTo(window))
                .body("band", band == null ? nullValue() : equalTo(band))
                .body("windows.W24", equalTo(w24)).body("windows.W12", equalTo(w12)).body("windows.W6", equalTo(w6))
                .body("windows.W3", equalTo(w3)).body("windows.TRENDING", equalTo(trending));
    }
}
