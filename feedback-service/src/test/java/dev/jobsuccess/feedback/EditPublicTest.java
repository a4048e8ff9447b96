package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.allowEdit;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.editPublic;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.platform;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.readOne;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;

/** §d.2 rule 6: the private part never changes; the public part may be changed once, after its recipient allows it. */
@QuarkusTest
class EditPublicTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final Instant REVEALED_AT = Instant.parse("2025-05-12T10:00:00Z");
    static final Instant ALLOWED_AT = Instant.parse("2025-05-13T10:00:00Z");
    static final String NEW_PUBLIC = """
            {"scores": {"skills": 2, "quality": 2, "availability": 2, "deadlines": 2, "communication": 2, "cooperation": 3},
             "comment": "Revised after the launch"}""";

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void revealDay() {
        clock.pin(REVEALED_AT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String revealed(Contract k) {
        String id = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        return id;
    }

    @Test
    void theRecipientAllowsOneEditWhichTheAuthorMakesOnceLeavingThePrivatePartAsItWas() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = revealed(k);

        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(409).body("code", equalTo("EDIT_NOT_ALLOWED"));
        allowEdit(client(k), k.id(), feedbackId).statusCode(403).body("code", equalTo("NOT_RECIPIENT"));

        clock.pin(ALLOWED_AT);
        allowEdit(freelancer(k), k.id(), feedbackId).statusCode(200)
                .body("editAllowedAt", equalTo("2025-05-13T10:00:00Z")).body("editableUntil", equalTo("2025-05-27T10:00:00Z"))
                .body("publicEditedAt", nullValue()).body("public.comment", equalTo("Great work"));
        allowEdit(freelancer(k), k.id(), feedbackId).statusCode(409).body("code", equalTo("EDIT_ALREADY_ALLOWED"));
        editPublic(freelancer(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(403).body("code", equalTo("NOT_AUTHOR"));

        // The body is the public part alone, on the feedback's form.
        editPublic(client(k), k.id(), feedbackId, "{\"private\": {\"recommendScore\": 10}}").statusCode(400)
                .body("errors.field", contains("private"));
        editPublic(client(k), k.id(), feedbackId, "{\"stars\": 5}").statusCode(400).body("errors.field", contains("stars"));
        editPublic(client(k), k.id(), feedbackId, "{\"comment\": \"only words\"}").statusCode(400).body("errors.field", contains("scores"));
        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC.replace("\"skills\": 2", "\"skills\": 0")).statusCode(400)
                .body("errors.field", contains("scores.skills"));

        clock.pin(ALLOWED_AT.plus(Duration.ofDays(14)));
        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(200)
                .body("public.overall", equalTo(2.17f)).body("public.comment", equalTo("Revised after the launch"))
                .body("publicEditedAt", equalTo("2025-05-27T10:00:00Z"))
                .body("private.recommendScore", equalTo(9)).body("private.note", equalTo("would hire again"));
        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC.replace("Revised", "Re-revised")).statusCode(409)
                .body("code", equalTo("ALREADY_EDITED"));

        readOne(freelancer(k), k.id(), feedbackId).statusCode(200).body("public.comment", equalTo("Revised after the launch"));
        readOne(platform(), k.id(), feedbackId).statusCode(200).body("private.recommendScore", equalTo(9))
                .body("private.endReasonCode", equalTo("JOB_COMPLETED_SUCCESSFULLY")).body("private.note", equalTo("would hire again"));
        profile(bearer(newUser("c"), "CLIENT"), k.freelancerId(), "").body("items[0].public.comment", equalTo("Revised after the launch"))
                .body("items[0].publicEditedAt", equalTo("2025-05-27T10:00:00Z"));

        // The score learns of the edit: feedback-submitted again, same feedback, new public part, same private part.
        List<JsonNode> submitted = Events.await("feedback-submitted", k.freelancerId(), "feedbackId", feedbackId, 2);
        JsonNode edit = submitted.get(1);
        assertEquals("2025-05-27T10:00:00Z", edit.get("occurredAt").asText());
        assertEquals("2025-05-27T10:00:00Z", edit.get("publicEditedAt").asText());
        assertEquals(REVEALED_AT.toString(), edit.get("submittedAt").asText());
        assertEquals("2.17", edit.at("/public/overall").decimalValue().toPlainString());
        assertEquals(submitted.get(0).get("private"), edit.get("private"));
        assertTrue(submitted.get(0).get("publicEditedAt").isNull());
    }

    @Test
    void theEditWindowEndsFourteenDaysAfterTheRecipientAllowedIt() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = revealed(k);
        clock.pin(ALLOWED_AT);
        allowEdit(freelancer(k), k.id(), feedbackId).statusCode(200);
        clock.pin(ALLOWED_AT.plus(Duration.ofDays(14)).plusMillis(1));
        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(409).body("code", equalTo("EDIT_WINDOW_CLOSED"));
        readOne(client(k), k.id(), feedbackId).body("public.comment", equalTo("Great work"));
        assertEquals(1L, Events.written("feedback-submitted", "feedbackId", feedbackId));
    }

    @Test
    void anUnrevealedFeedbackCannotBeAllowedAnEditItsRecipientDoesNotKnowIt() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        allowEdit(freelancer(k), k.id(), feedbackId).statusCode(404);
        editPublic(freelancer(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(404);
        editPublic(client(k), k.id(), feedbackId, NEW_PUBLIC).statusCode(409).body("code", equalTo("EDIT_NOT_ALLOWED"));
        // Strangers and unknown ids learn nothing; the platform may not act for a party.
        allowEdit(bearer(newUser("f"), "FREELANCER"), k.id(), feedbackId).statusCode(404);
        allowEdit(freelancer(k), k.id(), "not-a-uuid").statusCode(404);
        allowEdit(platform(), k.id(), feedbackId).statusCode(403);
        editPublic(platform(), k.id(), feedbackId, NEW_PUBLIC).statusCode(403);
    }
}
