package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.readOne;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closeDueWindows;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.window.WindowCloseTimer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * domain.md §d.5 EX-11 through the REST API, with the service clock moved: the 14-day window and the double-blind
 * reveal, whichever of "both submitted" and "window closed" comes first.
 */
@QuarkusTest
class Ex11FeedbackWindowTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    static final String CLOSES_AT = "2025-05-24T23:59:59.999Z";

    @Inject
    AdjustableClock clock;
    @Inject
    WindowCloseTimer timer;

    @BeforeEach
    void atTheEnd() {
        clock.pin(ENDED_AT);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theWindowClosesAtTheLastMillisecondOfTheFourteenthDay() {
        Contract k = closedContract(ENDED_AT);
        read(client(k), k.id()).statusCode(200)
                .body("windowOpensAt", equalTo("2025-05-10T14:00:00Z")).body("windowClosesAt", equalTo(CLOSES_AT))
                .body("windowClosed", equalTo(false));
    }

    @Test
    void bothSubmitBeforeTheEndSoBothAreRevealedAtTheSecondSubmission() {
        Contract k = closedContract(ENDED_AT);

        clock.pin(Instant.parse("2025-05-11T10:00:00Z"));
        String clientFeedback = submit(client(k), k.id(), CLIENT_FULL).statusCode(201)
                .body("revealedAt", nullValue()).extract().path("feedbackId");
        // Blind: the freelancer sees nothing of it, not even that it exists.
        read(freelancer(k), k.id()).statusCode(200).body("feedback", empty());
        readOne(freelancer(k), k.id(), clientFeedback).statusCode(404);
        assertEquals(0L, Events.written("feedback-revealed", k.id()));

        clock.pin(Instant.parse("2025-05-12T16:00:00Z"));
        String freelancerFeedback = submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201)
                .body("revealedAt", equalTo("2025-05-12T16:00:00Z")).body("revealCause", equalTo("BOTH_SUBMITTED"))
                .extract().path("feedbackId");

        read(freelancer(k), k.id()).statusCode(200).body("feedback", hasSize(2))
                .body("feedback.revealedAt", everyItemIs("2025-05-12T16:00:00Z"))
                .body("feedback.revealCause", everyItemIs("BOTH_SUBMITTED"))
                .body("feedback.find { it.authorRole == 'CLIENT' }.public.comment", equalTo("Great work"));
        read(client(k), k.id()).statusCode(200)
                .body("feedback.find { it.authorRole == 'FREELANCER' }.public.comment", equalTo("Clear brief"));

        Map<String, JsonNode> revealed = byFeedbackId(Events.await("feedback-revealed", k.freelancerId(), k.id(), 2));
        assertEquals(2, revealed.size());
        for (String id : List.of(clientFeedback, freelancerFeedback)) {
            JsonNode e = revealed.get(id);
            assertEquals("BOTH_SUBMITTED", e.get("cause").asText());
            assertEquals("2025-05-12T16:00:00Z", e.get("revealedAt").asText());
            assertEquals("2025-05-12T16:00:00Z", e.get("occurredAt").asText());
            assertEquals(k.clientId(), e.get("clientId").asText());
        }
        assertEquals("CLIENT", revealed.get(clientFeedback).get("authorRole").asText());
        assertTrue(revealed.get(clientFeedback).get("visibleOnProfile").asBoolean(), "paid $500: on the profile");

        // The window still closes at its end, announcing both present, and reveals nothing twice.
        clock.pin(Instant.parse("2025-05-25T00:00:00Z"));
        closeDueWindows(timer, k);
        JsonNode closed = Events.await("feedback-window-closed", k.freelancerId(), k.id(), 1).getFirst();
        assertTrue(closed.get("clientFeedbackPresent").asBoolean());
        assertTrue(closed.get("freelancerFeedbackPresent").asBoolean());
        assertEquals(2L, Events.written("feedback-revealed", k.id()));
    }

    @Test
    void onlyTheClientSubmitsSoItIsRevealedWhenTheWindowCloses() {
        Contract k = closedContract(ENDED_AT);
        clock.pin(Instant.parse("2025-05-11T10:00:00Z"));
        String feedbackId = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");

        // At the last millisecond the window is still open: nothing is revealed yet.
        clock.pin(Instant.parse(CLOSES_AT));
        timer.closeDueWindows();
        assertNull(ClosedContracts.window(k.id()).closeHandledAt);
        read(freelancer(k), k.id()).statusCode(200).body("feedback", empty());

        clock.pin(Instant.parse("2025-05-25T00:00:00Z"));
        closeDueWindows(timer, k);

        read(freelancer(k), k.id()).statusCode(200).body("windowClosed", equalTo(true)).body("feedback", hasSize(1))
                .body("feedback[0].feedbackId", equalTo(feedbackId))
                .body("feedback[0].revealedAt", equalTo(CLOSES_AT)).body("feedback[0].revealCause", equalTo("WINDOW_EXPIRED"))
                .body("feedback[0].public.overall", equalTo(4.83f)).body("feedback[0]", not(org.hamcrest.Matchers.hasKey("private")));
        readOne(freelancer(k), k.id(), feedbackId).statusCode(200).body("revealCause", equalTo("WINDOW_EXPIRED"));

        JsonNode revealed = Events.await("feedback-revealed", k.freelancerId(), k.id(), 1).getFirst();
        assertEquals(feedbackId, revealed.get("feedbackId").asText());
        assertEquals("WINDOW_EXPIRED", revealed.get("cause").asText());
        assertEquals(CLOSES_AT, revealed.get("revealedAt").asText());
        assertTrue(revealed.get("visibleOnProfile").asBoolean());

        JsonNode closed = Events.await("feedback-window-closed", k.freelancerId(), k.id(), 1).getFirst();
        assertEquals("feedback.window-closed", closed.get("eventType").asText());
        assertEquals(CLOSES_AT, closed.get("closedAt").asText());
        assertEquals(CLOSES_AT, closed.get("occurredAt").asText());
        assertEquals(k.clientId(), closed.get("clientId").asText());
        assertTrue(closed.get("clientFeedbackPresent").asBoolean());
        assertFalse(closed.get("freelancerFeedbackPresent").asBoolean());

        // Handled once: another round, by this call or the scheduled job, adds nothing.
        closeDueWindows(timer, k);
        assertEquals(1L, Events.written("feedback-revealed", k.id()));
        assertEquals(1L, Events.written("feedback-window-closed", k.id()));
    }

    @Test
    void aClientSubmissionTheDayAfterTheWindowClosedIsRefused() {
        Contract k = closedContract(ENDED_AT);
        clock.pin(Instant.parse("2025-05-25T09:00:00Z"));
        submit(client(k), k.id(), CLIENT_FULL).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("WINDOW_CLOSED")).body("status", equalTo(409));
        assertEquals(0L, count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id()));
        assertEquals(0L, Events.written("feedback-submitted", k.id()));
    }

    @Test
    void aWindowTheTimerClosedStaysClosedEvenIfTheClockIsTurnedBack() {
        Contract k = closedContract(ENDED_AT);
        clock.pin(Instant.parse("2025-05-26T00:00:00Z"));
        closeDueWindows(timer, k);
        clock.pin(Instant.parse("2025-05-20T00:00:00Z"));
        submit(client(k), k.id(), CLIENT_FULL).statusCode(409).body("code", equalTo("WINDOW_CLOSED"));
    }

    private static Map<String, JsonNode> byFeedbackId(List<JsonNode> events) {
        return events.stream().collect(Collectors.toMap(e -> e.get("feedbackId").asText(), e -> e));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
