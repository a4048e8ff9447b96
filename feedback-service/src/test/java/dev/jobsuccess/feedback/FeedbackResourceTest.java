package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class FeedbackResourceTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final Instant DAY_AFTER = Instant.parse("2025-05-11T09:30:00Z");
    static final String FULL_FEEDBACK = """
            {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 4},
                        "comment": "Great work"},
             "private": {"recommendScore": 9, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY", "note": "would hire again"}}""";
    static final String PRIVATE_ONLY = """
            {"private": {"recommendScore": 3}}""";

    @Inject
    AdjustableClock clock;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(DAY_AFTER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ValidatableResponse submit(String auth, String contractId, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.post("/contracts/{id}/feedback", contractId).then();
    }

    static ValidatableResponse read(String auth, String contractId) {
        var request = given();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request.get("/contracts/{id}/feedback", contractId).then();
    }

    @Test
    void clientFeedbackIsStoredAndPublishedMatchingItsSchema() throws Exception {
        Contract k = closedContract(ENDED_AT);

        String feedbackId = submit(bearer(k.clientId(), "CLIENT"), k.id(), FULL_FEEDBACK)
                .statusCode(201).header("Location", endsWith("/contracts/" + k.id() + "/feedback"))
                .body("contractId", equalTo(k.id())).body("authorRole", equalTo("CLIENT"))
                .body("authorId", equalTo(k.clientId())).body("subjectId", equalTo(k.freelancerId()))
                .body("formVersion", equalTo("LEGACY_2015")).body("midContract", equalTo(false))
                .body("submittedAt", equalTo("2025-05-11T09:30:00Z"))
                .body("public.scores.cooperation", equalTo(4)).body("public.overall", equalTo(4.83f))
                .body("public.comment", equalTo("Great work"))
                .body("private.recommendScore", equalTo(9)).body("private.endReasonCode", equalTo("JOB_COMPLETED_SUCCESSFULLY"))
                .body("private.note", equalTo("would hire again"))
                .extract().path("feedbackId");

        JsonNode event = onlyEventFor(k);
        assertEquals("feedback.submitted", event.get("eventType").asText());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals("2025-05-11T09:30:00Z", event.get("occurredAt").asText());
        assertEquals(feedbackId, event.get("feedbackId").asText());
        assertEquals(k.id(), event.get("contractId").asText());
        assertEquals(k.freelancerId(), event.get("freelancerId").asText());
        assertEquals(k.clientId(), event.get("clientId").asText());
        assertEquals("CLIENT", event.get("authorRole").asText());
        assertEquals(k.clientId(), event.get("authorId").asText());
        assertEquals(k.freelancerId(), event.get("subjectId").asText());
        assertEquals("LEGACY_2015", event.get("formVersion").asText());
        assertFalse(event.get("midContract").asBoolean());
        assertEquals(5, event.at("/public/scores/skills").asInt());
        assertEquals(4, event.at("/public/scores/cooperation").asInt());
        assertEquals("4.83", event.at("/public/overall").decimalValue().toPlainString());
        assertEquals("Great work", event.at("/public/comment").asText());
        assertEquals(9, event.at("/private/recommendScore").asInt());
        assertEquals("JOB_COMPLETED_SUCCESSFULLY", event.at("/private/endReasonCode").asText());
        assertEquals("would hire again", event.at("/private/note").asText());
        assertEquals("2025-05-24T23:59:59.999Z", event.get("windowClosesAt").asText());
    }

    @Test
    void thePublicPartIsOptionalAndThenPublishedAsNull() throws Exception {
        Contract k = closedContract(ENDED_AT);
        submit(bearer(k.clientId(), "CLIENT"), k.id(), PRIVATE_ONLY)
                .statusCode(201).body("public", nullValue()).body("private.recommendScore", equalTo(3))
                .body("private.endReasonCode", nullValue());

        JsonNode event = onlyEventFor(k);
        assertTrue(event.get("public").isNull());
        assertEquals(3, event.at("/private/recommendScore").asInt());
        assertTrue(event.at("/private/endReasonCode").isNull());
        assertTrue(event.at("/private/note").isNull());
    }

    @Test
    void theWindowAcceptsUpToItsLastMillisecondAndNothingAfter() {
        Contract onTime = closedContract(ENDED_AT);
        Contract late = closedContract(ENDED_AT);

        clock.pin(onTime.closesAt());
        submit(bearer(onTime.clientId(), "CLIENT"), onTime.id(), FULL_FEEDBACK).statusCode(201);

        clock.pin(late.closesAt().plusMillis(1));
        submit(bearer(late.clientId(), "CLIENT"), late.id(), FULL_FEEDBACK)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("WINDOW_CLOSED"));
        assertNothingStoredOrEmitted(late);
        read(bearer(late.clientId(), "CLIENT"), late.id()).statusCode(200).body("feedback", empty());
    }

    @Test
    void aSecondSubmissionIsRefusedAndChangesNothing() {
        Contract k = closedContract(ENDED_AT);
        String auth = bearer(k.clientId(), "CLIENT");
        submit(auth, k.id(), FULL_FEEDBACK).statusCode(201);
        submit(auth, k.id(), PRIVATE_ONLY)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("ALREADY_SUBMITTED"));

        read(auth, k.id()).statusCode(200).body("feedback", hasSize(1))
                .body("feedback[0].private.recommendScore", equalTo(9));
        assertEquals(1L, feedbackRows(k));
        assertEquals(1L, outboxRows(k));
    }

    @Test
    void concurrentSubmissionsLetExactlyOneThrough() throws Exception {
        Contract k = closedContract(ENDED_AT);
        String auth = bearer(k.clientId(), "CLIENT");
        Callable<Integer> attempt = () -> given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(FULL_FEEDBACK).post("/contracts/{id}/feedback", k.id()).statusCode();
        try (var pool = Executors.newFixedThreadPool(4)) {
            long created = 0;
            for (Future<Integer> f : pool.invokeAll(List.of(attempt, attempt, attempt, attempt))) {
                int status = f.get();
                assertTrue(status == 201 || status == 409, "status " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        }
        assertEquals(1L, feedbackRows(k));
        assertEquals(1L, outboxRows(k));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        Contract k = closedContract(ENDED_AT);
        String auth = bearer(k.clientId(), "CLIENT");
        String scores = "\"scores\": {\"skills\": 5, \"quality\": 5, \"availability\": 5, \"deadlines\": 5, \"communication\": 5, \"cooperation\": 5}";

        record Case(String body, String field) {}
        List<Case> cases = List.of(
                new Case("{\"private\": {\"recommendScore\": 11}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": -1}}", "private.recommendScore"),
                new Case("{\"private\": {}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": \"9\"}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": 8.5}}", "private.recommendScore"),
                new Case("{\"public\": {" + scores.replace("\"quality\": 5", "\"quality\": 0") + "}, \"private\": {\"recommendScore\": 9}}",
                        "public.scores.quality"),
                new Case("{\"public\": {" + scores.replace("\"skills\": 5", "\"skills\": 6") + "}, \"private\": {\"recommendScore\": 9}}",
                        "public.scores.skills"),
                new Case("{\"public\": {" + scores.replace("\"skills\": 5", "\"skills\": 4.5") + "}, \"private\": {\"recommendScore\": 9}}",
                        "public.scores.skills"),
                new Case("{\"public\": {" + scores.replace("\"deadlines\": 5", "\"deadlines\": \"five\"") + "}, \"private\": {\"recommendScore\": 9}}",
                        "public.scores.deadlines"),
                new Case("{\"public\": {" + scores.replace(", \"cooperation\": 5", "") + "}, \"private\": {\"recommendScore\": 9}}",
                        "public.scores.cooperation"),
                new Case("{\"public\": {\"comment\": \"nice\"}, \"private\": {\"recommendScore\": 9}}", "public.scores"),
                new Case("{\"public\": {" + scores + ", \"comment\": \"" + "x".repeat(2001) + "\"}, \"private\": {\"recommendScore\": 9}}",
                        "public.comment"),
                new Case("{\"public\": {" + scores + "}}", "private"),
                new Case("{\"public\": {" + scores + "}, \"private\": null}", "private"),
                new Case("{\"public\": [], \"private\": {\"recommendScore\": 9}}", "public"),
                new Case("{\"private\": {\"recommendScore\": 9, \"endReasonCode\": \"CLIENT_NOT_RESPONSIVE\"}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": 9, \"endReasonCode\": \"BORED\"}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": 9, \"notes\": \"typo\"}}", "private.notes"),
                new Case("{\"private\": {\"recommendScore\": 9, \"note\": \"" + "x".repeat(2001) + "\"}}", "private.note"));
        for (Case c : cases) {
            submit(auth, k.id(), c.body()).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", contains(c.field()));
        }
        // Not JSON at all: there is no field to name, only the status to get right.
        submit(auth, k.id(), "{not json").statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        submit(auth, k.id(), "").statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        assertNothingStoredOrEmitted(k);
        submit(auth, k.id(), FULL_FEEDBACK).statusCode(201);
    }

    @Test
    void onlyTheContractsClientMaySubmit() {
        Contract k = closedContract(ENDED_AT);

        submit(null, k.id(), FULL_FEEDBACK).statusCode(401).contentType("application/problem+json");
        submit("Bearer not-a-token", k.id(), FULL_FEEDBACK).statusCode(401).contentType("application/problem+json");
        // the freelancer's role may not submit client feedback
        submit(bearer(k.freelancerId(), "FREELANCER"), k.id(), FULL_FEEDBACK).statusCode(403).contentType("application/problem+json");
        // the freelancer's user id with a CLIENT token is not the contract's client
        submit(bearer(k.freelancerId(), "CLIENT"), k.id(), FULL_FEEDBACK).statusCode(404).contentType("application/problem+json");
        // a stranger learns nothing about the contract
        submit(bearer(newUser("c"), "CLIENT"), k.id(), FULL_FEEDBACK).statusCode(404);
        // the platform reads but never writes feedback
        submit(bearer("ops", "PLATFORM"), k.id(), FULL_FEEDBACK).statusCode(403);
        // no contract-closed seen for this contract
        submit(bearer(k.clientId(), "CLIENT"), "never-closed-" + k.id(), FULL_FEEDBACK).statusCode(404);

        assertNothingStoredOrEmitted(k);
        read(null, k.id()).statusCode(401);
        read(bearer(newUser("c"), "CLIENT"), k.id()).statusCode(404);
        read(bearer(newUser("f"), "FREELANCER"), k.id()).statusCode(404);
        read(bearer(k.clientId(), "FREELANCER"), k.id()).statusCode(404);
        read(bearer(k.freelancerId(), "FREELANCER"), "never-closed-" + k.id()).statusCode(404);
    }

    @Test
    void theFreelancerSeesThePublicPartOnlyAndNeverThePrivateOne() {
        Contract k = closedContract(ENDED_AT);
        String freelancer = bearer(k.freelancerId(), "FREELANCER");
        read(freelancer, k.id()).statusCode(200).body("feedback", empty())
                .body("windowOpensAt", equalTo("2025-05-10T14:00:00Z")).body("windowClosesAt", equalTo("2025-05-24T23:59:59.999Z"));

        submit(bearer(k.clientId(), "CLIENT"), k.id(), FULL_FEEDBACK).statusCode(201);

        String seenByFreelancer = read(freelancer, k.id()).statusCode(200)
                .body("feedback", hasSize(1)).body("feedback[0].public.overall", equalTo(4.83f))
                .body("feedback[0].public.comment", equalTo("Great work"))
                .extract().asString();
        for (String secret : List.of("private", "recommendScore", "endReasonCode", "would hire again", "JOB_COMPLETED")) {
            assertFalse(seenByFreelancer.contains(secret), "the freelancer sees " + secret + ": " + seenByFreelancer);
        }
        // holding both roles does not make the freelancer the client
        read(bearer(k.freelancerId(), "FREELANCER", "CLIENT"), k.id()).statusCode(200)
                .body(not(containsString("recommendScore")));

        read(bearer(k.clientId(), "CLIENT"), k.id()).statusCode(200)
                .body("feedback[0].private.recommendScore", equalTo(9)).body("feedback[0].public.overall", equalTo(4.83f));
        read(bearer("ops", "PLATFORM"), k.id()).statusCode(200)
                .body("clientId", equalTo(k.clientId())).body("freelancerId", equalTo(k.freelancerId()))
                .body("feedback[0].private.note", equalTo("would hire again"));
    }

    private JsonNode onlyEventFor(Contract k) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("feedback-submitted",
                r -> k.freelancerId().equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one feedback-submitted record keyed by the freelancer");
        String value = records.getFirst().value();
        EventSchemas.assertValid("feedback-submitted", value);
        JsonNode event = json.readTree(value);
        assertEquals(event.get("eventId").asText(), KafkaTopics.header(records.getFirst(), "eventId"));
        assertEquals("feedback.submitted", KafkaTopics.header(records.getFirst(), "eventType"));
        return event;
    }

    private static void assertNothingStoredOrEmitted(Contract k) {
        assertEquals(0L, feedbackRows(k));
        assertEquals(0L, outboxRows(k));
    }

    private static long feedbackRows(Contract k) {
        return count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id());
    }

    private static long outboxRows(Contract k) {
        return count("SELECT count(*) FROM outbox_message WHERE message_key = ?1", k.freelancerId());
    }
}
