package dev.jobsuccess.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readyWithDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("kafka"))).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        // The broker's reachability is reported apart, never gating readiness: writes go on into the outbox while it is away.
        given().get("/q/health/group/kafka").then().statusCode(200).body("checks.name", hasItem("kafka"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jobsuccess_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/contracts/{id}/end"))
                .body(containsString("/contracts/{id}/milestones/{mid}/release")).body(containsString("/contracts/{id}/ledger"))
                .body(containsString("/contracts/{id}/invoices/{iid}/dispute")).body(containsString("/contracts/{id}/arbitration"))
                .body(containsString("The freelancer accepts the offer"));
    }
}
