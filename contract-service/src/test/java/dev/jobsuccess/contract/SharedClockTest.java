package dev.jobsuccess.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo clock is one clock for every replica of the service: a move through /admin/clock is stored in the
 * service's database, and a move another replica stored there (here written to the row as its resource would) reaches
 * this one's clock.
 */
@QuarkusTest
class SharedClockTest {

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM clock_setting").executeUpdate());
        clock.reset();
    }

    @Test
    void aMoveIsStoredAndAMoveOfAnotherReplicaIsFollowed() {
        Instant pinned = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.platform().body("{\"now\":\"" + pinned + "\",\"pinned\":true}").put("/admin/clock").then().statusCode(200)
                .body("now", equalTo(pinned.toString())).body("pinned", equalTo(true));
        assertEquals(List.of(pinned.toString()), storedPins());

        // Another replica advances the shared clock by a day: it locks the row, moves it and bumps the version.
        Instant moved = pinned.plus(Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE clock_setting SET pinned_at = pinned_at + interval '1 day', version = version + 1").executeUpdate());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> moved.equals(clock.instant()));

        // An advance here starts from the stored setting, so both moves count.
        Api.platform().body("{\"by\":\"PT2H\"}").post("/admin/clock/advance").then().statusCode(200)
                .body("now", equalTo(moved.plus(Duration.ofHours(2)).toString()));
        assertEquals(List.of(moved.plus(Duration.ofHours(2)).toString()), storedPins());
        given().get("/q/health/ready").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private List<String> storedPins() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery(
                "SELECT to_char(pinned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM clock_setting").getResultList())
                .stream().map(Object::toString).toList());
    }
}
