package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import io.restassured.http.ContentType;

/**
 * The three packaged services as processes against the real PostgreSQL and Kafka, driven through
 * REST only: contracts are offered, accepted, funded, paid and ended, both parties leave feedback, and the
 * freelancer's score appears, with its score-changed record on Kafka.
 */
class WalkingSkeletonIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static String contractUrl;
    private static String feedbackUrl;
    private static String scoreUrl;

    @BeforeAll
    static void startServices() throws Exception {
        String[][] services = {{"contract-service", "18081", "contract_systest"}, {"feedback-service", "18082", "feedback_systest"},
                {"score-service", "18083", "score_systest"}};
        for (String[] s : services) {
            Map<String, String> env = new HashMap<>();
            env.put("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + s[2]);
            env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTopics.BOOTSTRAP);
            env.put("KAFKA_GROUP_SUFFIX", "-systest");
            // Each run starts from an empty schema, so a changed migration never meets an old database.
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            SERVICES.add(ServiceProcess.start(ROOT, s[0], Integer.parseInt(s[1]), env));
        }
        for (ServiceProcess p : SERVICES) {
            p.awaitReady(Duration.ofSeconds(90));
        }
        contractUrl = SERVICES.get(0).baseUrl();
        feedbackUrl = SERVICES.get(1).baseUrl();
        scoreUrl = SERVICES.get(2).baseUrl();
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (ServiceProcess p : SERVICES) {
            p.close();
        }
    }

    @Test
    void twoPaidContractsWithHappyClientsGiveTheFreelancerAScoreOf100() throws Exception {
        String freelancer = "f-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            String client = "c-" + UUID.randomUUID();
            // The client offers a $500 milestone, the freelancer accepts, the client funds and approves it, then ends.
            String contractId = given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                    .contentType(ContentType.JSON)
                    .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Job " + i + "\","
                            + "\"milestones\":[{\"description\":\"Job " + i + "\",\"amountCents\":50000}]}")
                    .post("/contracts").then().statusCode(201).body("status", equalTo("OFFER_PENDING")).extract().path("contractId");
            given().baseUri(contractUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                    .post("/contracts/{id}/accept", contractId).then().statusCode(200).body("status", equalTo("ACTIVE"));
            String milestoneId = given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                    .get("/contracts/{id}/milestones", contractId).then().statusCode(200).extract().path("[0].milestoneId");
            given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                    .post("/contracts/{id}/milestones/{mid}/fund", contractId, milestoneId).then().statusCode(200)
                    .body("status", equalTo("FUNDED"));
            given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                    .post("/contracts/{id}/milestones/{mid}/approve", contractId, milestoneId).then().statusCode(200)
                    .body("status", equalTo("RELEASED"));
            given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                    .body("{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}")
                    .post("/contracts/{id}/end", contractId).then().statusCode(200).body("status", equalTo("ENDED"));
            given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                    .get("/contracts/{id}/balance", contractId).then().statusCode(200).body("netEarningsCents", equalTo(50000));

            String feedback = """
                    {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 5},
                                "comment": "Great work"},
                     "private": {"recommendScore": 10, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY"}}""";
            // The feedback window opens when feedback-service has consumed contract-closed.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    given().baseUri(feedbackUrl).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                            .body(feedback).post("/contracts/{id}/feedback", contractId).statusCode() == 201);
            // The freelancer rates the client too: both have submitted, so both feedbacks are revealed
            // and the client's may now count in the published score (double-blind).
            given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                    .body("""
                            {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 5}},
                             "private": {"recommendScore": 9, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY"}}""")
                    .post("/contracts/{id}/feedback", contractId).then().statusCode(201);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(scoreUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                        .get("/freelancers/{id}/score", freelancer)
                        .then().statusCode(200).body("jss", equalTo(100)).body("band", equalTo("TOP")));

        List<ConsumerRecord<String, String>> changes = KafkaTopics.await("score-changed",
                r -> freelancer.equals(r.key()), 1, Duration.ofSeconds(30));
        assertTrue(!changes.isEmpty(), "a score-changed record keyed by the freelancer");
        ConsumerRecord<String, String> last = changes.getLast();
        EventSchemas.assertValid("score-changed", last.value());
        JsonNode event = new ObjectMapper().readTree(last.value());
        assertEquals(100, event.at("/current/jss").asInt());
        assertTrue(event.at("/previous/jss").isNull(), "the first score replaces no score");
    }
}
