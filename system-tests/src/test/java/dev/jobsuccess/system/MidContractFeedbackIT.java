package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

import dev.jobsuccess.commons.testing.KafkaTopics;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Mid-contract feedback across the three packaged services, through REST only (domain.md §d.2 rule 1, §c C11): the
 * contract runs in contract-service; feedback-service learns of it and of its payments from contract-started and
 * contract-payment-recorded and takes the client's public feedback once the contract is 30 days old with a payment in
 * the last 30 days; the freelancer replies; score-service, here with periodic_feedback_counts on, counts it once the
 * freelancer ends the contract without end-of-contract feedback from the client. Tracing is on: the freelancer's end
 * request names a trace, and that one trace runs through contract-closed, feedback-service's opening of the window,
 * score-service's recompute and the score-changed it announces (headers and log lines).
 */
class MidContractFeedbackIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final String TWO_STARS = """
            {"public": {"scores": {"skills": 2, "quality": 2, "availability": 2, "deadlines": 2, "communication": 2,
                                   "cooperation": 2}, "comment": "Behind schedule on phase one."}}""";
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
            env.put("CLOCK_ADJUSTABLE", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            // Traced, exporting nowhere (a closed port): the trace is followed through headers and logs.
            env.put("OTEL_SDK_DISABLED", "false");
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            if (s[0].equals("score-service")) {
                env.put("JOBSUCCESS_SCORE_PERIODIC_FEEDBACK_COUNTS", "true");
            }
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

    /** Pins every service's clock: feedback-service's 30-day rules read its own. */
    private static void at(Instant now) {
        for (ServiceProcess p : SERVICES) {
            given().baseUri(p.baseUrl()).header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                    .body("{\"now\":\"" + now + "\",\"pinned\":true}").put("/admin/clock").then().statusCode(200);
        }
    }

    private static ValidatableResponse midContract(String client, String contractId) {
        return given().baseUri(feedbackUrl).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body(TWO_STARS).post("/contracts/{id}/mid-contract-feedback", contractId).then();
    }

    private static void payMilestone(String client, String contractId, int index) {
        String milestoneId = given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                .get("/contracts/{id}/milestones", contractId).then().statusCode(200).extract().path("[" + index + "].milestoneId");
        given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                .post("/contracts/{id}/milestones/{mid}/fund", contractId, milestoneId).then().statusCode(200);
        given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                .post("/contracts/{id}/milestones/{mid}/approve", contractId, milestoneId).then().statusCode(200)
                .body("status", equalTo("RELEASED"));
    }

    /** A $500 job its client pays, ends and rates 10 privately and 5 stars in public, rated back: revealed at once. */
    private static void happyJob(String freelancer) {
        String client = "c-" + UUID.randomUUID();
        String contractId = given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                .contentType(ContentType.JSON)
                .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Job\","
                        + "\"milestones\":[{\"description\":\"Job\",\"amountCents\":50000}]}")
                .post("/contracts").then().statusCode(201).extract().path("contractId");
        given().baseUri(contractUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                .post("/contracts/{id}/accept", contractId).then().statusCode(200);
        payMilestone(client, contractId, 0);
        given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").post("/contracts/{id}/end", contractId)
                .then().statusCode(200);
        String stars = "{\"skills\": 5, \"quality\": 5, \"availability\": 5, \"deadlines\": 5, \"communication\": 5, \"cooperation\": 5}";
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() ->
                given().baseUri(feedbackUrl).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                        .body("{\"public\": {\"scores\": " + stars + "}, \"private\": {\"recommendScore\": 10,"
                                + " \"endReasonCode\": \"JOB_COMPLETED_SUCCESSFULLY\"}}")
                        .post("/contracts/{id}/feedback", contractId).statusCode() == 201);
        given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"public\": {\"scores\": " + stars + "}, \"private\": {\"recommendScore\": 9,"
                        + " \"endReasonCode\": \"JOB_COMPLETED_SUCCESSFULLY\"}}")
                .post("/contracts/{id}/feedback", contractId).then().statusCode(201);
    }

    @Test
    void aClientsMidContractFeedbackIsPublicAtOnceRepliedToAndCountedWhenPeriodicFeedbackCounts() throws Exception {
        String freelancer = "f-" + UUID.randomUUID();
        String client = "c-" + UUID.randomUUID();
        at(START);
        // Two happy jobs first: a score of 100 for the mid-contract feedback to move.
        happyJob(freelancer);
        happyJob(freelancer);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(scoreUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                        .get("/freelancers/{id}/score", freelancer).then().statusCode(200).body("jss", equalTo(100)));
        String contractId = given().baseUri(contractUrl).header("Authorization", bearer(client, "CLIENT"))
                .contentType(ContentType.JSON)
                .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Two phases\","
                        + "\"milestones\":[{\"description\":\"Phase one\",\"amountCents\":50000},"
                        + "{\"description\":\"Phase two\",\"amountCents\":50000}]}")
                .post("/contracts").then().statusCode(201).extract().path("contractId");
        given().baseUri(contractUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                .post("/contracts/{id}/accept", contractId).then().statusCode(200).body("status", equalTo("ACTIVE"));
        payMilestone(client, contractId, 0);

        // Once feedback-service knows the running contract: too early (started today), whatever the payment.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                midContract(client, contractId).statusCode(409).body("code", equalTo("TOO_EARLY_IN_CONTRACT")));

        // 40 days on, the last payment is 40 days old: none in the last 30 days.
        at(START.plus(Duration.ofDays(40)));
        midContract(client, contractId).statusCode(409).body("code", equalTo("NO_RECENT_PAYMENT"));

        // Phase two is paid: accepted once feedback-service has the payment, public at once, and only once in 30 days.
        payMilestone(client, contractId, 1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                midContract(client, contractId).statusCode(201).body("midContract", equalTo(true))
                        .body("revealCause", equalTo("MID_CONTRACT")).body("private", nullValue()));
        midContract(client, contractId).statusCode(409).body("code", equalTo("MID_CONTRACT_FEEDBACK_TOO_RECENT"));
        given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body(TWO_STARS).post("/contracts/{id}/mid-contract-feedback", contractId).then().statusCode(403);

        // The freelancer sees it on the contract and their profile, and replies once.
        String feedbackId = given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER"))
                .get("/contracts/{id}/feedback", contractId).then().statusCode(200).extract().path("feedback[0].feedbackId");
        given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"text\":\"Phase two is on track.\"}")
                .post("/contracts/{id}/feedback/{fid}/reply", contractId, feedbackId).then().statusCode(201)
                .body("reply.text", equalTo("Phase two is on track."));
        given().baseUri(feedbackUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"text\":\"Again\"}")
                .post("/contracts/{id}/feedback/{fid}/reply", contractId, feedbackId).then().statusCode(409)
                .body("code", equalTo("ALREADY_REPLIED"));
        given().baseUri(feedbackUrl).header("Authorization", bearer(client, "CLIENT"))
                .get("/freelancers/{id}/feedback", freelancer).then().statusCode(200)
                .body("items[0].feedbackId", equalTo(feedbackId)).body("items[0].midContract", equalTo(true))
                .body("items[0].public.overall", equalTo(2.0f)).body("items[0].reply.text", equalTo("Phase two is on track."));

        // The freelancer ends it, in a trace of their own; the client leaves no end feedback. With periodic feedback
        // counting, the two stars are the contract's counting feedback: NEGATIVE, and the score falls from 100 to 66.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().baseUri(contractUrl).header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-0123456789abcdef-01")
                .body("{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}")
                .post("/contracts/{id}/end", contractId).then().statusCode(200).body("status", equalTo("ENDED"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(scoreUrl).header("Authorization", bearer("ops", "PLATFORM"))
                        .get("/freelancers/{id}/score/explanation", freelancer).then().statusCode(200)
                        .body("contracts.find { it.contractId == '" + contractId + "' }.inclusion", equalTo("COUNTED"))
                        .body("contracts.find { it.contractId == '" + contractId + "' }.outcome", equalTo("NEGATIVE")));

        // One trace from the end request: the contract-closed record, feedback-service opening the window, and the
        // score-changed that score-service's recompute announced (100 -> 66, caused by contract-closed).
        String inTrace = "00-" + traceId + "-";
        ConsumerRecord<String, String> closed = KafkaTopics.await("contract-closed",
                r -> r.value().contains(contractId), 1, PATIENCE).getFirst();
        assertTrue(String.valueOf(KafkaTopics.header(closed, "traceparent")).startsWith(inTrace), "contract-closed in the trace");
        await().atMost(PATIENCE).untilAsserted(() -> assertTrue(SERVICES.get(1).log().lines().anyMatch(l -> l.contains(
                "traceId=" + traceId) && l.contains("feedback window of contract " + contractId + " open until")),
                "feedback-service opened the window in the trace"));
        List<ConsumerRecord<String, String>> changes = KafkaTopics.await("score-changed", r -> freelancer.equals(r.key())
                && r.value().contains("\"jss\":66"), 1, PATIENCE);
        assertEquals(1, changes.size(), "one score-changed to 66");
        JsonNode changed = new ObjectMapper().readTree(changes.getFirst().value());
        assertEquals("contract.closed", changed.at("/cause/eventType").asText());
        assertTrue(String.valueOf(KafkaTopics.header(changes.getFirst(), "traceparent")).startsWith(inTrace),
                "score-changed carries the end request's trace: " + KafkaTopics.header(changes.getFirst(), "traceparent"));
    }
}
