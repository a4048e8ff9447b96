package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * SIGTERM to a packaged service: readiness turns DOWN at once, while the service still serves requests for
 * SHUTDOWN_DELAY (so a pod leaves its Service before it stops taking requests); then it stops.
 */
class ShutdownDelayIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessDropsWhileRequestsAreStillServed() throws Exception {
        try (ServiceProcess contracts = ServiceProcess.start(ROOT, "contract-service", 18491, Map.of(
                "DB_URL", "jdbc:postgresql://127.0.0.1:5432/contract_systest",
                "KAFKA_BOOTSTRAP_SERVERS", KafkaTopics.BOOTSTRAP,
                "SHUTDOWN_DELAY", "10s",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true"))) {
            contracts.awaitReady(Duration.ofSeconds(120));
            assertEquals(201, offer(contracts).statusCode());

            contracts.terminate();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                    get(contracts, "/q/health/ready").statusCode() == 503);
            assertTrue(get(contracts, "/q/health/ready").body().contains("Graceful Shutdown"),
                    "readiness names the shutdown: " + get(contracts, "/q/health/ready").body());
            // Not ready, yet serving: a write succeeds, and the pod is alive.
            HttpResponse<String> write = offer(contracts);
            assertEquals(201, write.statusCode(), write.body());
            assertEquals(200, get(contracts, "/q/health/live").statusCode());

            assertTrue(contracts.awaitExit(Duration.ofSeconds(60)).isPresent(), "stopped after the delay");
        }
    }

    private static HttpResponse<String> offer(ServiceProcess service) throws Exception {
        String client = "c-" + UUID.randomUUID();
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/contracts"))
                .header("Authorization", bearer(client, "CLIENT")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"freelancerId\":\"f-" + UUID.randomUUID() + "\",\"type\":\"HOURLY\","
                        + "\"title\":\"Support\",\"hourlyRateCents\":5000,\"weeklyLimitMinutes\":600}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
