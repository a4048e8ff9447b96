package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static dev.jobsuccess.feedback.ClosedContracts.window;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.inbox.InboxPurge;
import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer's readiness says whether it can make progress, and its upkeep: a poll stuck (here behind a table lock
 * the test holds) keeps the pod ready within the retry window and turns the consumer check DOWN past it, while liveness
 * stays UP and the group's lag on the topic shows the waiting events; released, the events are applied and it is ready
 * again. Inbox rows past the retention are purged in batches, younger ones stay. A short retry window (10 s instead of
 * an hour) and purge batches of 3 rows, in a profile of their own (its own freshly migrated database).
 */
@QuarkusTest
@TestProfile(ConsumerProgressAndInboxPurgeTest.ShortRetryWindow.class)
class ConsumerProgressAndInboxPurgeTest {

    public static class ShortRetryWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobsuccess.inbound.retry-window", "10s",
                    "jobsuccess.inbox.retention", "P14D",
                    "jobsuccess.inbox.purge-batch-size", "3");
        }
    }

    private static final Pattern LAG = Pattern.compile("jobsuccess_consumer_lag\\{[^}]*topic=\"contract-closed\"[^}]*} ([0-9.E]+)");

    @Inject
    AdjustableClock clock;
    @Inject
    InboxPurge purge;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aStuckPollKeepsThePodReadyWithinTheRetryWindowOnly() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        // The consumer runs and applies before the lock, so what follows is its being stuck, not its start.
        ClosedContracts.sendAndAwaitWindow(ClosedContracts.endedAt(newUser("c"), newUser("f"), Instant.now().minusSeconds(3600)));
        // Every consumed topic's dead-letter count is there from the start.
        given().get("/q/metrics").then().body(containsString("jobsuccess_inbound_dead_lettered_total{topic=\"contract-closed\"} 0.0"))
                .body(containsString("jobsuccess_inbound_dead_lettered_total{topic=\"feedback-removal-decided\"} 0.0"));

        List<ObjectNode> events = new ArrayList<>();
        try (Connection lock = DriverManager.getConnection(url, user, password)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // Reads go on; the consumer's inbox insert waits for the lock, like a poll stuck on one event.
                s.execute("LOCK TABLE inbox_message IN EXCLUSIVE MODE");
            }
            for (int i = 0; i < 3; i++) {
                ObjectNode event = ClosedContracts.endedAt(newUser("c"), newUser("f"), Instant.now().minusSeconds(3600));
                ClosedContracts.send(event);
                events.add(event);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(this::consumerWaitsForTheLock);
            // Stuck, but within the retry window: ready.
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'inbound-consumer' }.status", equalTo("UP"));
            // The group's lag shows the three events (or more: other tests' on the shared topic) waiting.
            await().atMost(Duration.ofSeconds(60)).until(() -> lag() >= 3);
            // Past the window the consumer cannot be said to make progress: not ready, yet alive (its thread runs).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'inbound-consumer' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP")));
            given().get("/q/health/live").then().statusCode(200)
                    .body("checks.find { it.name == 'inbound-consumer-thread' }.status", equalTo("UP"));
            lock.rollback();
        }
        for (ObjectNode event : events) {
            ClosedContracts.awaitWindow(event.get("contractId").asText());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).until(() -> lag() == 0);
        for (ObjectNode event : events) {
            assertEquals(1L, count("SELECT count(*) FROM inbox_message WHERE event_id = ?1",
                    UUID.fromString(event.get("eventId").asText())), "applied once");
            assertTrue(window(event.get("contractId").asText()) != null);
        }
    }

    @Test
    void inboxRowsPastTheRetentionArePurgedInBatches() {
        Instant now = Instant.parse("2031-03-01T12:00:00Z");
        clock.pin(now);
        // 7 rows past the 14-day retention (three batches of 3), 2 just within it.
        List<UUID> old = insert(7, now.minus(Duration.ofDays(14)).minusSeconds(1));
        List<UUID> young = insert(2, now.minus(Duration.ofDays(14)).plusSeconds(60));

        long purged = purge.purge();

        assertTrue(purged >= 7, "at least the test's seven old rows: " + purged);
        for (UUID id : old) {
            assertEquals(0L, count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", id));
        }
        for (UUID id : young) {
            assertEquals(1L, count("SELECT count(*) FROM inbox_message WHERE event_id = ?1", id));
        }
        assertEquals(0L, count("SELECT count(*) FROM inbox_message WHERE processed_at < ?1",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(14)))), "nothing past the retention is left");
    }

    private List<UUID> insert(int rows, Instant processedAt) {
        List<UUID> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                dev.jobsuccess.feedback.window.FeedbackWindow.getEntityManager().createNativeQuery(
                                "INSERT INTO inbox_message (consumer, event_id, event_type, processed_at) VALUES ('purge-test', ?1, 'test', ?2)")
                        .setParameter(1, id).setParameter(2, java.sql.Timestamp.from(processedAt)).executeUpdate();
            }
        });
        return ids;
    }

    private boolean consumerWaitsForTheLock() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO inbox_message%'")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    private double lag() {
        Matcher m = LAG.matcher(given().get("/q/metrics").then().extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
