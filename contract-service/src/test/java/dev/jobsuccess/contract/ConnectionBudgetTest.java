package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestone;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A keyed command on a contract with due timers holds two connections: the key's transaction and the timers' own.
 * Many of them at once, more than there are worker threads, must all run their timers: with a pool that the workers
 * could exhaust holding one connection each, they waited for the acquisition timeout and the timers were recorded as
 * failed.
 */
@QuarkusTest
class ConnectionBudgetTest {

    private static final String JOB = "contract-timers";

    @Inject
    AdjustableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workerThreads;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String dbUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @BeforeEach
    void onlyCommandsCatchUp() {
        scheduler.pause(JOB);
    }

    @AfterEach
    void resume() {
        clock.reset();
        scheduler.resume(JOB);
    }

    @Test
    void keyedCommandsOnContractsWithDueTimersAllRunTheirTimers() throws Exception {
        clock.pin(Instant.parse("2025-05-05T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        int n = 3 * workerThreads;
        List<String> ids = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = activeFixed(c, f, 50_000);
            String m = milestones(c, id).getFirst();
            fund(c, id, m);
            freelancer(f).post("/contracts/{id}/milestones/{mid}/submit", id, m).then().statusCode(200);
            ids.add(id);
            parts.add(m);
        }
        // Every submission's review period is over: each bonus below first auto-approves its contract's milestone.
        clock.pin(Instant.parse("2025-05-20T09:00:00Z"));
        ExecutorService callers = Executors.newFixedThreadPool(n);
        // Outside the service's pool, a transaction holds each request's key, so every worker blocks in the key's claim
        // with one connection; released at once, they all go on to the timers' transaction together.
        try (Connection blocker = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Connection watcher = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("INSERT INTO idempotency_key (caller, key, fingerprint, "
                    + "status, created_at) VALUES (?, ?, 'held by the test', 0, now())")) {
                for (String id : ids) {
                    hold.setString(1, c);
                    hold.setString(2, "bonus-" + id);
                    hold.addBatch();
                }
                hold.executeBatch();
            }
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String id : ids) {
                statuses.add(callers.submit(() -> client(c).header("Idempotency-Key", "bonus-" + id)
                        .body("{\"amountCents\":100}").post("/contracts/{id}/bonus", id).statusCode()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> blockedClaims(watcher) >= workerThreads);
            blocker.rollback();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            callers.shutdownNow();
        }
        for (int i = 0; i < n; i++) {
            assertEquals("RELEASED", milestone(c, ids.get(i), parts.get(i)).get("status"), ids.get(i));
            assertEquals(1, ledger(c, ids.get(i)).stream().filter(e -> e.startsWith("BONUS")).count());
        }
        long failed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM timer_failure WHERE contract_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, ids.stream().map(UUID::fromString).toArray(UUID[]::new)).getSingleResult()).longValue());
        assertEquals(0, failed, "contracts whose timers were recorded as failed");
    }

    private static int blockedClaims(Connection watcher) throws Exception {
        try (var rows = watcher.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO idempotency_key%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
