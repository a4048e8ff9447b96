package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.CLIENT_PRIVATE_ONLY;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Submitting feedback on the default LEGACY_2015 form: what is stored, what is published, and what is refused. */
@QuarkusTest
class FeedbackResourceTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final Instant DAY_AFTER = Instant.parse("2025-05-11T09:30:00Z");

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(DAY_AFTER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void clientFeedbackIsStoredAndPublishedMatchingItsSchema() {
        Contract k = closedContract(ENDED_AT);

        String feedbackId = submit(client(k), k.id(), CLIENT_FULL)
                .statusCode(201)
                .body("contractId", equalTo(k.id())).body("authorRole", equalTo("CLIENT"))
                .body("authorId", equalTo(k.clientId())).body("subjectId", equalTo(k.freelancerId()))
                .body("formVersion", equalTo("LEGACY_2015")).body("midContract", equalTo(false))
                .body("submittedAt", equalTo("2025-05-11T09:30:00Z")).body("revealedAt", nullValue())
                .body("visibleOnProfile", equalTo(false))
                .body("public.scores.cooperation", equalTo(4)).body("public.overall", equalTo(4.83f))
                .body("public.comment", equalTo("Great work"))
                .body("private.recommendScore", equalTo(9)).body("private.endReasonCode", equalTo("JOB_COMPLETED_SUCCESSFULLY"))
                .body("private.note", equalTo("would hire again"))
                .extract().path("feedbackId");

        JsonNode event = Events.await("feedback-submitted", k.freelancerId(), k.id(), 1).getFirst();
        assertEquals("feedback.submitted", event.get("eventType").asText());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals("2025-05-11T09:30:00Z", event.get("occurredAt").asText());
        assertEquals(feedbackId, event.get("feedbackId").asText());
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
        assertEquals("2025-05-11T09:30:00Z", event.get("submittedAt").asText());
        assertTrue(event.get("publicEditedAt").isNull());
    }

    @Test
    void theLocationNamesTheNewFeedback() {
        Contract k = closedContract(ENDED_AT);
        String location = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().header("Location");
        String feedbackId = given().header("Authorization", client(k)).get(location).then().statusCode(200)
                .body("private.recommendScore", equalTo(9)).extract().path("feedbackId");
        assertTrue(location.endsWith("/contracts/" + k.id() + "/feedback/" + feedbackId), location);
    }

    @Test
    void thePublicPartIsOptionalAndThenPublishedAsNull() {
        Contract k = closedContract(ENDED_AT);
        submit(client(k), k.id(), CLIENT_PRIVATE_ONLY)
                .statusCode(201).body("public", nullValue()).body("private.recommendScore", equalTo(3))
                .body("private.endReasonCode", equalTo("JOB_COMPLETED_UNSUCCESSFULLY"));

        JsonNode event = Events.await("feedback-submitted", k.freelancerId(), k.id(), 1).getFirst();
        assertTrue(event.get("public").isNull());
        assertEquals(3, event.at("/private/recommendScore").asInt());
        assertTrue(event.at("/private/note").isNull());
    }

    @Test
    void theFreelancerRatesTheClientOnTheSameEndpointAndTheEventSaysSo() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201)
                .body("authorRole", equalTo("FREELANCER")).body("authorId", equalTo(k.freelancerId()))
                .body("subjectId", equalTo(k.clientId())).body("public.overall", equalTo(4.0f))
                .body("private.recommendScore", equalTo(2)).body("private.endReasonCode", equalTo("CLIENT_NOT_RESPONSIVE"))
                .body("private.note", nullValue())
                .extract().path("feedbackId");

        JsonNode event = Events.await("feedback-submitted", k.freelancerId(), k.id(), 1).getFirst();
        assertEquals(feedbackId, event.get("feedbackId").asText());
        assertEquals("FREELANCER", event.get("authorRole").asText());
        assertEquals(k.freelancerId(), event.get("authorId").asText());
        assertEquals(k.clientId(), event.get("subjectId").asText());
        assertEquals(2, event.at("/private/recommendScore").asInt());
        assertEquals("CLIENT_NOT_RESPONSIVE", event.at("/private/endReasonCode").asText());
        assertTrue(event.at("/private/note").isNull());
        assertEquals("4.00", event.at("/public/overall").decimalValue().toPlainString());
    }

    @Test
    void theWindowAcceptsUpToItsLastMillisecondAndNothingAfter() {
        Contract onTime = closedContract(ENDED_AT);
        Contract late = closedContract(ENDED_AT);

        clock.pin(onTime.closesAt());
        submit(client(onTime), onTime.id(), CLIENT_FULL).statusCode(201);
        submit(freelancer(onTime), onTime.id(), FREELANCER_FULL).statusCode(201);

        clock.pin(late.closesAt().plusMillis(1));
        submit(client(late), late.id(), CLIENT_FULL)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("WINDOW_CLOSED"));
        submit(freelancer(late), late.id(), FREELANCER_FULL)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("WINDOW_CLOSED"));
        assertNothingStoredOrEmitted(late);
        read(client(late), late.id()).statusCode(200).body("feedback", empty()).body("windowClosed", equalTo(true));
    }

    @Test
    void aSecondSubmissionIsRefusedAndChangesNothing() {
        Contract k = closedContract(ENDED_AT);
        submit(client(k), k.id(), CLIENT_FULL).statusCode(201);
        submit(client(k), k.id(), CLIENT_PRIVATE_ONLY)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("ALREADY_SUBMITTED"));
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        submit(freelancer(k), k.id(), FREELANCER_FULL)
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("ALREADY_SUBMITTED"));

        read(client(k), k.id()).statusCode(200).body("feedback", hasSize(2))
                .body("feedback.find { it.authorRole == 'CLIENT' }.private.recommendScore", equalTo(9));
        assertEquals(2L, feedbackRows(k));
        assertEquals(2L, Events.written("feedback-submitted", k.id()));
        assertEquals(2L, Events.written("feedback-revealed", k.id()));
    }

    @Test
    void concurrentSubmissionsLetExactlyOneThrough() throws Exception {
        Contract k = closedContract(ENDED_AT);
        String auth = client(k);
        Callable<Integer> attempt = () -> given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(CLIENT_FULL).post("/contracts/{id}/feedback", k.id()).statusCode();
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
        assertEquals(1L, Events.written("feedback-submitted", k.id()));
    }

    @Test
    void concurrentSubmissionsOfBothPartiesRevealBothExactlyOnce() throws Exception {
        Contract k = closedContract(ENDED_AT);
        Callable<Integer> byClient = () -> given().header("Authorization", client(k)).contentType(ContentType.JSON)
                .body(CLIENT_FULL).post("/contracts/{id}/feedback", k.id()).statusCode();
        Callable<Integer> byFreelancer = () -> given().header("Authorization", freelancer(k)).contentType(ContentType.JSON)
                .body(FREELANCER_FULL).post("/contracts/{id}/feedback", k.id()).statusCode();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> f : pool.invokeAll(List.of(byClient, byFreelancer))) {
                assertEquals(201, f.get());
            }
        }
        assertEquals(2L, Events.written("feedback-revealed", k.id()));
        read(client(k), k.id()).body("feedback.revealCause", contains("BOTH_SUBMITTED", "BOTH_SUBMITTED"));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        Contract k = closedContract(ENDED_AT);
        String auth = client(k);
        String scores = "\"scores\": {\"skills\": 5, \"quality\": 5, \"availability\": 5, \"deadlines\": 5, \"communication\": 5, \"cooperation\": 5}";
        String reason = ", \"endReasonCode\": \"JOB_COMPLETED_SUCCESSFULLY\"";

        record Case(String body, String field) {}
        List<Case> cases = List.of(
                new Case("{\"private\": {\"recommendScore\": 11" + reason + "}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": -1" + reason + "}}", "private.recommendScore"),
                new Case("{\"private\": {\"endReasonCode\": \"JOB_COMPLETED_SUCCESSFULLY\"}}", "private.recommendScore"),
                new Case("{\"private\": {}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": 9}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": \"9\"" + reason + "}}", "private.recommendScore"),
                new Case("{\"private\": {\"recommendScore\": 8.5" + reason + "}}", "private.recommendScore"),
                new Case("{\"public\": {" + scores.replace("\"quality\": 5", "\"quality\": 0") + "}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.scores.quality"),
                new Case("{\"public\": {" + scores.replace("\"skills\": 5", "\"skills\": 6") + "}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.scores.skills"),
                new Case("{\"public\": {" + scores.replace("\"skills\": 5", "\"skills\": 4.5") + "}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.scores.skills"),
                new Case("{\"public\": {" + scores.replace("\"deadlines\": 5", "\"deadlines\": \"five\"") + "}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.scores.deadlines"),
                new Case("{\"public\": {" + scores.replace(", \"cooperation\": 5", "") + "}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.scores.cooperation"),
                new Case("{\"public\": {\"comment\": \"nice\"}, \"private\": {\"recommendScore\": 9" + reason + "}}", "public.scores"),
                // The one star value belongs to the other form.
                new Case("{\"public\": {\"stars\": 4}, \"private\": {\"recommendScore\": 9" + reason + "}}", "public.stars"),
                new Case("{\"public\": {" + scores + ", \"stars\": 4}, \"private\": {\"recommendScore\": 9" + reason + "}}", "public.stars"),
                new Case("{\"public\": {\"stars\": 0}, \"private\": {\"recommendScore\": 9" + reason + "}}", "public.stars"),
                new Case("{\"public\": {" + scores + ", \"comment\": \"" + "x".repeat(2001) + "\"}, \"private\": {\"recommendScore\": 9" + reason + "}}",
                        "public.comment"),
                new Case("{\"public\": {" + scores + "}}", "private"),
                new Case("{\"public\": {" + scores + "}, \"private\": null}", "private"),
                new Case("{\"public\": [], \"private\": {\"recommendScore\": 9" + reason + "}}", "public"),
                new Case("{\"private\": {\"recommendScore\": 9, \"endReasonCode\": \"CLIENT_NOT_RESPONSIVE\"}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": 9, \"endReasonCode\": \"CLIENT_SUSPENDED\"}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": 9, \"endReasonCode\": \"BORED\"}}", "private.endReasonCode"),
                new Case("{\"private\": {\"recommendScore\": 9" + reason + ", \"notes\": \"typo\"}}", "private.notes"),
                new Case("{\"private\": {\"recommendScore\": 9" + reason + "}, \"overall\": 5}", "overall"),
                new Case("{\"private\": {\"recommendScore\": 9" + reason + ", \"note\": \"" + "x".repeat(2001) + "\"}}", "private.note"));
        for (Case c : cases) {
            submit(auth, k.id(), c.body()).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", contains(c.field()));
        }
        // The freelancer's form: their reasons only, and no note.
        record FreelancerCase(String body, String field) {}
        for (FreelancerCase c : List.of(
                new FreelancerCase("{\"private\": {\"recommendScore\": 5, \"endReasonCode\": \"FREELANCER_UNRESPONSIVE\"}}", "private.endReasonCode"),
                new FreelancerCase("{\"private\": {\"recommendScore\": 5, \"endReasonCode\": \"OTHER\", \"note\": \"hm\"}}", "private.note"),
                new FreelancerCase("{\"private\": {\"recommendScore\": 11, \"endReasonCode\": \"OTHER\"}}", "private.recommendScore"),
                new FreelancerCase("{\"public\": {" + scores + "}}", "private"))) {
            submit(freelancer(k), k.id(), c.body()).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(c.field()));
        }
        // Not JSON at all: there is no field to name, only the status to get right.
        submit(auth, k.id(), "{not json").statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        submit(auth, k.id(), "").statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        assertNothingStoredOrEmitted(k);
        submit(auth, k.id(), CLIENT_FULL).statusCode(201);
    }

    @Test
    void onlyTheContractsPartiesMaySubmitEachAsTheirOwnRole() {
        Contract k = closedContract(ENDED_AT);

        submit(null, k.id(), CLIENT_FULL).statusCode(401).contentType("application/problem+json");
        submit("Bearer not-a-token", k.id(), CLIENT_FULL).statusCode(401).contentType("application/problem+json");
        // the freelancer's user id with a CLIENT token is not the contract's client, nor the client's with a FREELANCER one
        submit(bearer(k.freelancerId(), "CLIENT"), k.id(), CLIENT_FULL).statusCode(404).contentType("application/problem+json");
        submit(bearer(k.clientId(), "FREELANCER"), k.id(), FREELANCER_FULL).statusCode(404).contentType("application/problem+json");
        // a stranger learns nothing about the contract
        submit(bearer(newUser("c"), "CLIENT"), k.id(), CLIENT_FULL).statusCode(404).body("code", equalTo("NOT_FOUND"));
        submit(bearer(newUser("f"), "FREELANCER"), k.id(), FREELANCER_FULL).statusCode(404);
        // the platform reads but never writes feedback
        submit(bearer("ops", "PLATFORM"), k.id(), CLIENT_FULL).statusCode(403).contentType("application/problem+json");
        // no contract-closed seen for this contract
        submit(client(k), "never-closed-" + k.id(), CLIENT_FULL).statusCode(404);

        assertNothingStoredOrEmitted(k);
        read(null, k.id()).statusCode(401);
        read(bearer(newUser("c"), "CLIENT"), k.id()).statusCode(404);
        read(bearer(newUser("f"), "FREELANCER"), k.id()).statusCode(404);
        read(bearer(k.clientId(), "FREELANCER"), k.id()).statusCode(404);
        read(freelancer(k), "never-closed-" + k.id()).statusCode(404);
    }

    private static void assertNothingStoredOrEmitted(Contract k) {
        assertEquals(0L, feedbackRows(k));
        assertEquals(0L, Events.written("feedback-submitted", k.id()));
        assertEquals(0L, Events.written("feedback-revealed", k.id()));
        assertEquals(0L, count("SELECT count(*) FROM client_flag WHERE client_id = ?1", k.clientId()));
    }

    private static long feedbackRows(Contract k) {
        return count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id());
    }
}
