package dev.jobsuccess.contract;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.domain.Contract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ContractResourceTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String create(String client, String freelancer) {
        return given().header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Logo\",\"category\":\"design\"}")
                .post("/contracts")
                .then().statusCode(201).header("Location", notNullValue())
                .body("status", equalTo("ACTIVE")).body("clientId", equalTo(client))
                .extract().path("contractId");
    }

    @Test
    void endingPublishesContractClosedThroughTheOutboxMatchingItsSchema() throws Exception {
        clock.pin(Instant.parse("2025-05-10T14:00:00Z"));
        String client = newUser("c");
        String freelancer = newUser("f");
        String id = create(client, freelancer);

        given().header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\",\"paidCents\":50000}")
                .post("/contracts/{id}/end", id)
                .then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedBy", equalTo("CLIENT"))
                .body("feedbackWindowClosesAt", equalTo("2025-05-24T23:59:59.999Z"));

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("contract-closed",
                r -> freelancer.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size(), "one contract-closed record keyed by the freelancer");
        String value = records.getFirst().value();
        EventSchemas.assertValid("contract-closed", value);
        JsonNode event = json.readTree(value);
        assertEquals(id, event.get("contractId").asText());
        assertEquals(50000, event.at("/money/netEarningsCents").asLong());
        assertEquals("2025-05-10T14:00:00Z", event.get("endedAt").asText());
        assertEquals(event.get("eventId").asText(), KafkaTopics.header(records.getFirst(), "eventId"));
    }

    @Test
    void anEndedContractNeverReopensAndTheSecondEndChangesNothing() {
        String client = newUser("c");
        String freelancer = newUser("f");
        String id = create(client, freelancer);
        given().header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\",\"paidCents\":0}")
                .post("/contracts/{id}/end", id).then().statusCode(200).body("endedBy", equalTo("FREELANCER"));
        given().header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":100}")
                .post("/contracts/{id}/end", id)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("CONTRACT_ENDED"));
        given().header("Authorization", bearer(client, "CLIENT")).get("/contracts/{id}", id)
                .then().statusCode(200).body("endedBy", equalTo("FREELANCER")).body("paidCents", equalTo(0));
        assertEquals(1L, outboxRowsFor(id));
    }

    @Test
    void concurrentEndsLetExactlyOneSucceed() throws Exception {
        String client = newUser("c");
        String freelancer = newUser("f");
        String id = create(client, freelancer);
        Callable<Integer> clientEnds = () -> given().header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":0}").post("/contracts/{id}/end", id).statusCode();
        Callable<Integer> freelancerEnds = () -> given().header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"OTHER\",\"paidCents\":0}").post("/contracts/{id}/end", id).statusCode();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = pool.invokeAll(List.of(clientEnds, freelancerEnds, clientEnds, freelancerEnds));
            long ok = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                assertTrue(status == 200 || status == 409, "status " + status);
                ok += status == 200 ? 1 : 0;
            }
            assertEquals(1, ok);
        }
        assertEquals(1L, outboxRowsFor(id));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        String client = newUser("c");
        String freelancer = newUser("f");
        String id = create(client, freelancer);
        String auth = bearer(client, "CLIENT");

        given().header("Authorization", auth).contentType(ContentType.JSON).body("{\"type\":\"FIXED_PRICE\",\"title\":\"x\"}")
                .post("/contracts").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("freelancerId"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"freelancerId\":\"f\",\"type\":\"BARTER\",\"title\":\"x\"}")
                .post("/contracts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("type"));
        given().header("Authorization", auth).contentType(ContentType.JSON).body("{not json")
                .post("/contracts").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":\"lots\"}")
                .post("/contracts/{id}/end", id).then().statusCode(400).body("errors.field", contains("paidCents"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":-5}")
                .post("/contracts/{id}/end", id).then().statusCode(400).body("errors.field", contains("paidCents"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\",\"paidCents\":0}")
                .post("/contracts/{id}/end", id).then().statusCode(400).body("errors.field", contains("endReasonCode"));
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":0}")
                .post("/contracts/{id}/end", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"paidCents\":0}")
                .post("/contracts/not-a-uuid/end").then().statusCode(404);

        given().header("Authorization", auth).get("/contracts/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals(0L, outboxRowsFor(id));
    }

    @Test
    void onlyTheRightCallerMayAct() {
        String client = newUser("c");
        String freelancer = newUser("f");
        String id = create(client, freelancer);
        String end = "{\"endReasonCode\":\"OTHER\",\"paidCents\":0}";

        given().contentType(ContentType.JSON).body(end).post("/contracts/{id}/end", id)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get("/contracts/{id}", id)
                .then().statusCode(401).contentType("application/problem+json");
        // a freelancer cannot create contracts
        given().header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"freelancerId\":\"x\",\"type\":\"HOURLY\",\"title\":\"t\"}").post("/contracts")
                .then().statusCode(403).contentType("application/problem+json");
        // a stranger learns nothing about the contract
        given().header("Authorization", bearer(newUser("c"), "CLIENT")).contentType(ContentType.JSON).body(end)
                .post("/contracts/{id}/end", id).then().statusCode(404);
        given().header("Authorization", bearer(newUser("f"), "FREELANCER")).get("/contracts/{id}", id).then().statusCode(404);
        // the freelancer's user id with a CLIENT token is not the freelancer acting
        given().header("Authorization", bearer(freelancer, "CLIENT")).contentType(ContentType.JSON).body(end)
                .post("/contracts/{id}/end", id).then().statusCode(404);
        // PLATFORM may read but not end
        given().header("Authorization", bearer("ops", "PLATFORM")).get("/contracts/{id}", id).then().statusCode(200);
        given().header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON).body(end)
                .post("/contracts/{id}/end", id).then().statusCode(403);

        given().header("Authorization", bearer(client, "CLIENT")).get("/contracts/{id}", id).then().body("status", equalTo("ACTIVE"));
    }

    private long outboxRowsFor(String contractId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Contract.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox_message WHERE payload LIKE ?1")
                .setParameter(1, "%" + contractId + "%").getSingleResult()).longValue());
    }
}
