package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.editPublic;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.readOne;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.api.SubmitFeedbackRequest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bounds of what a request may carry: comments and notes are free text up to 2,000 characters (line breaks kept,
 * other control characters refused); ids in a path are single lines of up to 100 characters. A refused request gets
 * a 400 problem naming the field and changes nothing.
 */
@QuarkusTest
class RequestBoundsTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    private static final String SCORES = "\"scores\": {\"skills\": 5, \"quality\": 5, \"availability\": 5, \"deadlines\": 5, "
            + "\"communication\": 5, \"cooperation\": 5}";

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(ENDED_AT.plusSeconds(86_400));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A client's LEGACY_2015 feedback whose comment and note are the given JSON string literals' contents. */
    private static String clientFeedback(String commentJson, String noteJson) {
        return "{\"public\": {" + SCORES + ", \"comment\": \"" + commentJson + "\"}, \"private\": {\"recommendScore\": 9, "
                + "\"endReasonCode\": \"JOB_COMPLETED_SUCCESSFULLY\", \"note\": \"" + noteJson + "\"}}";
    }

    @Test
    void aCommentOrNoteWithAControlCharacterOrTooLongIsRefusedNamingTheFieldAndNothingIsStored() {
        Contract k = closedContract(ENDED_AT);
        String auth = client(k);
        record Case(String body, String field) {}
        for (Case c : List.of(
                new Case(clientFeedback("a\\u0000b", "fine"), "public.comment"),
                new Case(clientFeedback("a\\u001bb", "fine"), "public.comment"),
                new Case(clientFeedback("fine", "a\\u0000b"), "private.note"),
                new Case(clientFeedback("x".repeat(SubmitFeedbackRequest.MAX_TEXT + 1), "fine"), "public.comment"),
                new Case(clientFeedback("fine", "x".repeat(SubmitFeedbackRequest.MAX_TEXT + 1)), "private.note"))) {
            submit(auth, k.id(), c.body()).statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", contains(c.field()));
        }
        // The edit's body is the public part alone; it is refused before any rule about edits is looked at.
        String someFeedback = UUID.randomUUID().toString();
        editPublic(auth, k.id(), someFeedback, "{" + SCORES + ", \"comment\": \"a\\u0000b\"}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("comment"));
        editPublic(auth, k.id(), someFeedback, "{" + SCORES + ", \"comment\": \"" + "x".repeat(SubmitFeedbackRequest.MAX_TEXT + 1) + "\"}")
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("comment"));

        assertEquals(0L, count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id()));
        assertEquals(0L, Events.written("feedback-submitted", k.id()));
        read(auth, k.id()).statusCode(200).body("feedback.size()", equalTo(0));
    }

    @Test
    void aCommentMaySpanLinesAndUseTheWholeLength() {
        Contract k = closedContract(ENDED_AT);
        String comment = "Line one,\n\tline two.\r\n" + "x".repeat(SubmitFeedbackRequest.MAX_TEXT - 22);
        assertEquals(SubmitFeedbackRequest.MAX_TEXT, comment.length());
        String commentJson = comment.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
        String feedbackId = submit(client(k), k.id(), clientFeedback(commentJson, "first line\\nsecond line"))
                .statusCode(201).body("public.comment", equalTo(comment)).body("private.note", equalTo("first line\nsecond line"))
                .extract().path("feedbackId");
        readOne(client(k), k.id(), feedbackId).statusCode(200).body("public.comment", equalTo(comment));
    }

    @Test
    void anIdInThePathThatIsNotASingleShortLineIsRefusedNamingIt() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = UUID.randomUUID().toString();
        String withLineBreak = k.id() + "\nx";
        String tooLong = "c".repeat(101);

        read(client(k), withLineBreak).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("id"));
        read(client(k), tooLong).statusCode(400).body("errors.field", contains("id"));
        submit(client(k), withLineBreak, clientFeedback("fine", "fine")).statusCode(400).body("errors.field", contains("id"));
        readOne(client(k), k.id(), "a\tb").statusCode(400).body("errors.field", contains("feedbackId"));
        readOne(client(k), k.id(), "f".repeat(101)).statusCode(400).body("errors.field", contains("feedbackId"));
        Api.allowEdit(freelancer(k), k.id(), "a\nb").statusCode(400).body("errors.field", contains("feedbackId"));
        editPublic(client(k), k.id(), "a\nb", "{" + SCORES + "}").statusCode(400).body("errors.field", contains("feedbackId"));
        profile(client(k), "f\n1", "").statusCode(400).body("errors.field", contains("id"));
        profile(client(k), "f".repeat(101), "").statusCode(400).body("errors.field", contains("id"));
        // 100 characters is still an id: looked up, and not found.
        read(client(k), "c".repeat(100)).statusCode(404);
        readOne(client(k), k.id(), feedbackId).statusCode(404);

        assertEquals(0L, count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id()));
    }
}
