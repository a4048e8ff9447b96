package dev.jobsuccess.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readyWithDatabaseKafkaAndItsConsumer() {
        // The consumer of contract-closed and contract-earnings-adjusted joins its group in the background; readiness waits.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.name", not(hasItem("kafka"))).body(containsString("Database connections health check"))
                        .body(containsString("inbound-consumer")).body(containsString("contract-closed,contract-earnings-adjusted")));
        given().get("/q/health/live").then().statusCode(200);
        // The broker's reachability is reported apart, never gating readiness: writes go on into the outbox while it is away.
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("kafka"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jobsuccess_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/contracts/{id}/feedback"))
                .body(containsString("/contracts/{id}/feedback/{feedbackId}/allow-edit"))
                .body(containsString("/contracts/{id}/feedback/{feedbackId}/public"))
                .body(containsString("/freelancers/{id}/feedback"));
    }
}
