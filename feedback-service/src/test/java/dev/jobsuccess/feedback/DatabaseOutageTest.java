package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static dev.jobsuccess.feedback.ClosedContracts.window;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.window.FeedbackWindow;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's database goes away for longer than any retry limit the consumer ever had (three retries 0.5 s apart),
 * while a contract-closed arrives: the inbound handler retries the poll until the database is back, then opens the
 * window with the end the event carries, and nothing is dead-lettered. Only this test run's own database is taken away
 * (the name comes from the datasource URL), and it is given back whatever happens.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Longer than the consumer's old retry policy (3 retries, 0.5 s apart), and than several doublings of the backoff. */
    private static final Duration HOLD = Duration.ofSeconds(20);
    private static final int OLD_RETRY_LIMIT = 3;
    private static final Pattern DATABASE_NAME = Pattern.compile("^jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)(\\?.*)?$");

    @Inject
    AdjustableClock clock;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String datasourceUrl;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aContractClosedDuringAnOutageOpensItsWindowOnceTheDatabaseIsBack() throws Exception {
        String database = databaseName(datasourceUrl);
        Instant endedAt = Instant.parse("2025-09-01T10:00:00Z");
        clock.pin(endedAt.plusSeconds(3600));
        String clientId = newUser("c");
        String freelancerId = newUser("f");
        ObjectNode event = ClosedContracts.endedAt(clientId, freelancerId, endedAt);
        String contractId = event.get("contractId").asText();
        // The consumer is up and applying before the outage, so what follows is its retrying, not its start.
        ClosedContracts.sendAndAwaitWindow(ClosedContracts.endedAt(newUser("c"), freelancerId, endedAt));

        try {
            psql("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false;",
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + database + "';");
            Instant outageStarted = Instant.now();
            double retriesBefore = retries();
            ClosedContracts.send(event);

            // Not ready while the database is away (the database check says why), yet alive, and the consumer still runs.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'inbound-consumer' }.status", equalTo("UP")));
            given().get("/q/health/live").then().statusCode(200);

            // Held until the poll was retried more often than the old policy allowed, and for at least HOLD.
            await().atMost(HOLD.multipliedBy(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    retries() - retriesBefore > OLD_RETRY_LIMIT && Duration.between(outageStarted, Instant.now()).compareTo(HOLD) >= 0);
        } finally {
            psql("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true;");
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> window(contractId) != null);
        FeedbackWindow w = window(contractId);
        assertEquals(Instant.parse(event.get("feedbackWindowClosesAt").asText()), w.closesAt, "the end the event carries");
        assertEquals(1L, count("SELECT count(*) FROM inbox_message WHERE consumer = 'feedback-service' AND event_id = ?1",
                UUID.fromString(event.get("eventId").asText())));
        Contract k = new Contract(contractId, clientId, freelancerId, w.closesAt);
        submit(client(k), contractId, CLIENT_FULL).statusCode(201);
        read(client(k), contractId).statusCode(200).body("windowClosed", equalTo(false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        var deadLetters = KafkaTopics.await("contract-closed-dlq-feedback", r -> freelancerId.equals(r.key()), 1, Duration.ofSeconds(5));
        assertEquals(0, deadLetters.size(), "nothing of this freelancer was dead-lettered");
    }

    private double retries() {
        return metrics.counter("jobsuccess.inbound.retries").count();
    }

    /** The test database's name, taken from the datasource URL, never assumed; only a plain identifier is accepted. */
    static String databaseName(String jdbcUrl) {
        Matcher m = DATABASE_NAME.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("cannot take a database name from " + jdbcUrl);
        }
        return m.group(1);
    }

    /** Runs the statements as the PostgreSQL superuser (the tests run as root beside the database) and fails loudly. */
    private static void psql(String... statements) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("su", "postgres", "-c", "psql -X -q -At -v ON_ERROR_STOP=1")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(String.join("\n", statements).getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed (" + p.exitValue() + "): " + output);
        }
    }
}
