package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.allowEdit;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.editPublic;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The service configured for the STREAMLINED_2025 form (§d.2 rule 8): one public star value, no private rating. */
@QuarkusTest
@TestProfile(StreamlinedFormTest.Streamlined.class)
class StreamlinedFormTest {

    public static class Streamlined implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobsuccess.feedback.form-version", "STREAMLINED_2025");
        }
    }

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final String CLIENT_STARS = """
            {"public": {"stars": 4, "comment": "Solid"}, "private": {"endReasonCode": "JOB_COMPLETED_SUCCESSFULLY", "note": "a bit slow"}}""";
    static final String FREELANCER_STARS = """
            {"public": {"stars": 2}, "private": {"endReasonCode": "CLIENT_NOT_RESPONSIVE"}}""";

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(Instant.parse("2025-05-11T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void bothPartiesRateWithStarsAndTheEventsCarryTheStarValueAsTheOverall() {
        Contract k = closedContract(ENDED_AT);
        String clientFeedback = submit(client(k), k.id(), CLIENT_STARS).statusCode(201)
                .body("formVersion", equalTo("STREAMLINED_2025")).body("public.scores", nullValue())
                .body("public.overall", equalTo(4.0f)).body("private.recommendScore", nullValue())
                .body("private.note", equalTo("a bit slow")).extract().path("feedbackId");
        submit(freelancer(k), k.id(), FREELANCER_STARS).statusCode(201).body("public.overall", equalTo(2.0f));
        read(freelancer(k), k.id()).body("feedback.revealCause", contains("BOTH_SUBMITTED", "BOTH_SUBMITTED"))
                .body("feedback.find { it.authorRole == 'CLIENT' }.private", nullValue());

        List<JsonNode> submitted = Events.await("feedback-submitted", k.freelancerId(), k.id(), 2);
        JsonNode byClient = submitted.stream().filter(e -> e.get("feedbackId").asText().equals(clientFeedback)).findFirst().orElseThrow();
        assertEquals("STREAMLINED_2025", byClient.get("formVersion").asText());
        assertTrue(byClient.at("/public/scores").isNull());
        assertEquals("4.00", byClient.at("/public/overall").decimalValue().toPlainString());
        assertTrue(byClient.at("/private/recommendScore").isNull());
        assertEquals("JOB_COMPLETED_SUCCESSFULLY", byClient.at("/private/endReasonCode").asText());
        assertEquals("a bit slow", byClient.at("/private/note").asText());

        // The one edit is made on the feedback's own form.
        allowEdit(freelancer(k), k.id(), clientFeedback).statusCode(200);
        editPublic(client(k), k.id(), clientFeedback, "{\"scores\": {\"skills\": 5, \"quality\": 5, \"availability\": 5,"
                + " \"deadlines\": 5, \"communication\": 5, \"cooperation\": 5}}").statusCode(400).body("errors.field", contains("scores"));
        editPublic(client(k), k.id(), clientFeedback, "{\"stars\": 5}").statusCode(200).body("public.overall", equalTo(5.0f))
                .body("public.comment", nullValue());
    }

    @Test
    void requestsThatDoNotFitTheStreamlinedFormAreRefusedNamingTheField() {
        Contract k = closedContract(ENDED_AT);
        String scores = "{\"skills\": 5, \"quality\": 5, \"availability\": 5, \"deadlines\": 5, \"communication\": 5, \"cooperation\": 5}";
        record Case(String auth, String body, String field) {}
        for (Case c : List.of(
                new Case(client(k), "{\"public\": {\"stars\": 4}, \"private\": {\"recommendScore\": 9, \"endReasonCode\": \"OTHER\"}}", "private.recommendScore"),
                new Case(client(k), "{\"public\": {\"scores\": " + scores + "}, \"private\": {\"endReasonCode\": \"OTHER\"}}", "public.scores"),
                new Case(client(k), "{\"public\": {\"stars\": 0}, \"private\": {\"endReasonCode\": \"OTHER\"}}", "public.stars"),
                new Case(client(k), "{\"public\": {\"stars\": 6}, \"private\": {\"endReasonCode\": \"OTHER\"}}", "public.stars"),
                new Case(client(k), "{\"public\": {\"comment\": \"no stars\"}, \"private\": {\"endReasonCode\": \"OTHER\"}}", "public.stars"),
                new Case(client(k), "{\"private\": {\"endReasonCode\": \"OTHER\"}}", "public"),
                new Case(client(k), "{\"public\": {\"stars\": 4}}", "private"),
                new Case(client(k), "{\"public\": {\"stars\": 4}, \"private\": {}}", "private.endReasonCode"),
                new Case(freelancer(k), "{\"public\": {\"stars\": 4}, \"private\": {\"endReasonCode\": \"OTHER\", \"note\": \"x\"}}", "private.note"))) {
            submit(c.auth(), k.id(), c.body()).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(c.field()));
        }
        assertEquals(0L, count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id()));
        assertEquals(0L, Events.written("feedback-submitted", k.id()));
    }
}
