package dev.jobsuccess.contract;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.contract.contract.Contract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST helpers for the contract API tests: fresh users, offers, milestones, ledger reads, events. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }

    static RequestSpecification client(String user) {
        return as(user, "CLIENT");
    }

    static RequestSpecification freelancer(String user) {
        return as(user, "FREELANCER");
    }

    static RequestSpecification platform() {
        return as("ops-" + UUID.randomUUID(), "PLATFORM");
    }

    /** A fixed-price offer with one milestone per amount; returns the contract id. */
    static String offerFixed(String client, String freelancer, long... amounts) {
        String milestones = java.util.Arrays.stream(amounts).mapToObj(a -> "{\"description\":\"part\",\"amountCents\":" + a + "}")
                .collect(Collectors.joining(","));
        return client(client).body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Logo\","
                        + "\"category\":\"design\",\"milestones\":[" + milestones + "]}")
                .post("/contracts").then().statusCode(201).body("status", equalTo("OFFER_PENDING")).extract().path("contractId");
    }

    /** A fixed-price contract the freelancer accepted. */
    static String activeFixed(String client, String freelancer, long... amounts) {
        String id = offerFixed(client, freelancer, amounts);
        accept(freelancer, id);
        return id;
    }

    static String activeHourly(String client, String freelancer, long rateCents, int weeklyLimitMinutes) {
        String id = client(client).body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"HOURLY\",\"title\":\"Support\","
                        + "\"category\":\"it\",\"hourlyRateCents\":" + rateCents + ",\"weeklyLimitMinutes\":" + weeklyLimitMinutes + "}")
                .post("/contracts").then().statusCode(201).body("status", equalTo("OFFER_PENDING")).extract().path("contractId");
        accept(freelancer, id);
        return id;
    }

    static void accept(String freelancer, String id) {
        freelancer(freelancer).post("/contracts/{id}/accept", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    static List<String> milestones(String client, String id) {
        return client(client).get("/contracts/{id}/milestones", id).then().statusCode(200).extract().jsonPath().getList("milestoneId");
    }

    /** One milestone's JSON fields. */
    static Map<String, Object> milestone(String client, String id, String mid) {
        List<Map<String, Object>> all = client(client).get("/contracts/{id}/milestones", id).then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(m -> mid.equals(m.get("milestoneId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no milestone " + mid));
    }

    static void fund(String client, String id, String mid) {
        client(client).post("/contracts/{id}/milestones/{mid}/fund", id, mid).then().statusCode(200).body("status", equalTo("FUNDED"));
    }

    static Response end(RequestSpecification who, String id, String body) {
        return who.body(body).post("/contracts/{id}/end", id);
    }

    static JsonPath contract(String user, String role, String id) {
        return as(user, role).get("/contracts/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath balance(String client, String id) {
        return client(client).get("/contracts/{id}/balance", id).then().statusCode(200).extract().jsonPath();
    }

    /** The ledger as "TYPE amount@effectiveAt" strings in posting order. */
    static List<String> ledger(String client, String id) {
        List<Map<String, Object>> entries = client(client).get("/contracts/{id}/ledger", id).then().statusCode(200)
                .extract().jsonPath().getList("entries");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            out.add(e.get("entryType") + " " + e.get("amountCents") + "@" + e.get("effectiveAt"));
        }
        return out;
    }

    static void problem(Response r, int status, String code) {
        r.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    /** The events of a topic keyed by the freelancer, each validated against its schema. */
    static List<JsonNode> events(String topic, String freelancer, int atLeast) {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(topic, r -> freelancer.equals(r.key()), atLeast,
                Duration.ofSeconds(20));
        assertEquals(atLeast, records.size(), atLeast + " " + topic + " record(s) keyed by " + freelancer);
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            EventSchemas.assertValid(topic, r.value());
            assertEquals(r.value().contains("\"eventId\":\"" + KafkaTopics.header(r, "eventId") + "\""), true,
                    "the eventId header names the event");
            try {
                out.add(JSON.readTree(r.value()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Events of a topic written to the outbox for the freelancer (committed, sent or not). */
    static long outboxRows(String topic, String freelancer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Contract.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox_message WHERE topic = ?1 AND message_key = ?2")
                .setParameter(1, topic).setParameter(2, freelancer).getSingleResult()).longValue());
    }
}
