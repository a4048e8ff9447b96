package dev.jobsuccess.score;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readyWithDatabaseKafkaAndTheConsumer() {
        // The consumer reports ready once it has joined its group, which may take a moment after start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("kafka"))).body(containsString("Database connections health check"))
                .body(containsString("inbound-consumer")).body(containsString("feedback-revealed")));
        given().get("/q/health/live").then().statusCode(200);
        // The broker's reachability is reported apart, never gating readiness: writes go on into the outbox while it is away.
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("kafka"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jobsuccess_outbox_backlog"))
                .body(containsString("jobsuccess_inbound_polls")).body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/freelancers/{freelancerId}/score"))
                .body(containsString("/freelancers/{freelancerId}/score/explanation"))
                .body(containsString("/freelancers/{freelancerId}/score/history"))
                .body(containsString("/freelancers/{freelancerId}/what-if")).body(containsString("/simulations"))
                .body(containsString("/admin/rebuild")).body(containsString("/admin/dead-letters/replay"));
    }
}
