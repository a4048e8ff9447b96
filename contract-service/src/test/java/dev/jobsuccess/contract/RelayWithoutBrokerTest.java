package dev.jobsuccess.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With no broker to be reached (nothing listens on its port), the service is ready and takes writes; the relay's
 * failures, the backlog and the age of the oldest unsent event (by the service clock) say what waits.
 */
@QuarkusTest
@TestProfile(RelayWithoutBrokerTest.NoBroker.class)
class RelayWithoutBrokerTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "jobsuccess.outbox.send-timeout", "1s");
        }
    }

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRelaysFailuresAndTheOldestUnsentEventsAgeAreMeasured() {
        Instant now = Instant.parse("2030-06-01T10:00:00Z");
        clock.pin(now);
        Api.activeHourly(Api.user("c"), Api.user("f"), 5000, 600); // writes contract-started

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("jobsuccess_outbox_relay_failures_total") >= 1);
        assertEquals(1.0, metric("jobsuccess_outbox_backlog"));
        assertEquals(0.0, metric("jobsuccess_outbox_oldest_unsent_age_seconds"), "written at the pinned instant");
        clock.advance(Duration.ofHours(1));
        assertEquals(3600.0, metric("jobsuccess_outbox_oldest_unsent_age_seconds"));
        assertEquals(0.0, metric("jobsuccess_outbox_published_total"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/group/kafka").then().statusCode(503));
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(metric("jobsuccess_kafka_reachable") == 0.0);
    }

    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.E+-]+|NaN)$").matcher(body);
        if (!m.find()) {
            throw new AssertionError(name + " is not among the metrics");
        }
        return Double.parseDouble(m.group(2));
    }
}
