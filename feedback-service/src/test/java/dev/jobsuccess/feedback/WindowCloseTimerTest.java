package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closeDueWindows;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static dev.jobsuccess.feedback.ClosedContracts.window;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import dev.jobsuccess.feedback.window.WindowCloseTimer;
import io.quarkus.test.junit.QuarkusTest;

/** The window-close timer: by the injectable clock, catching up after downtime, once per window across replicas. */
@QuarkusTest
class WindowCloseTimerTest {

    @Inject
    AdjustableClock clock;
    @Inject
    WindowCloseTimer timer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void afterDowntimeOneRoundClosesEveryDueWindowAsOfItsOwnClosingInstant() {
        String freelancerId = newUser("f");
        clock.pin(Instant.parse("2025-03-01T08:00:00Z"));
        Contract early = closedContract(newUser("c"), freelancerId, Instant.parse("2025-03-01T08:00:00Z"), 50_000);
        Contract middle = closedContract(newUser("c"), freelancerId, Instant.parse("2025-03-03T20:00:00Z"), 50_000);
        Contract late = closedContract(newUser("c"), freelancerId, Instant.parse("2025-03-09T10:00:00Z"), 50_000);
        Contract notYet = closedContract(newUser("c"), freelancerId, Instant.parse("2025-03-20T10:00:00Z"), 50_000);
        clock.pin(Instant.parse("2025-03-02T08:00:00Z"));
        submit(client(early), early.id(), CLIENT_FULL).statusCode(201);
        submit(freelancer(middle), middle.id(), FREELANCER_FULL).statusCode(201);

        // The service was down from 03-02 until 03-30: the first round closes the three windows that ended meanwhile.
        clock.pin(Instant.parse("2025-03-30T00:00:00Z"));
        closeDueWindows(timer, early, middle, late);
        assertNull(window(notYet.id()).closeHandledAt, "the window ending 04-03 is still open");

        for (Contract k : List.of(early, middle, late)) {
            JsonNode closed = Events.await("feedback-window-closed", freelancerId, k.id(), 1).getFirst();
            assertEquals(k.closesAt().toString(), closed.get("closedAt").asText(), "closed as of its end, not of the round");
            assertEquals(k == early, closed.get("clientFeedbackPresent").asBoolean());
            assertEquals(k == middle, closed.get("freelancerFeedbackPresent").asBoolean());
        }
        assertEquals("2025-03-15T23:59:59.999Z", early.closesAt().toString());
        JsonNode revealed = Events.await("feedback-revealed", freelancerId, early.id(), 1).getFirst();
        assertEquals("WINDOW_EXPIRED", revealed.get("cause").asText());
        assertEquals(early.closesAt().toString(), revealed.get("revealedAt").asText());
        read(client(middle), middle.id()).statusCode(200).body("feedback.revealCause", contains("WINDOW_EXPIRED"))
                .body("feedback[0].revealedAt", equalTo(middle.closesAt().toString()));
        assertEquals(0L, Events.written("feedback-revealed", late.id()), "nothing to reveal");

        // A second round changes nothing.
        timer.closeDueWindows();
        for (Contract k : List.of(early, middle, late)) {
            assertEquals(1L, Events.written("feedback-window-closed", k.id()));
        }
        assertEquals(1L, Events.written("feedback-revealed", early.id()));
        assertEquals(1L, Events.written("feedback-revealed", middle.id()));
    }

    @Test
    void twoReplicasRunningTheTimerAtOnceCloseEachWindowExactlyOnce() throws Exception {
        clock.pin(Instant.parse("2025-04-01T08:00:00Z"));
        List<Contract> contracts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Contract k = closedContract(Instant.parse("2025-04-01T08:00:00Z"));
            submit(client(k), k.id(), CLIENT_FULL).statusCode(201);
            contracts.add(k);
        }
        clock.pin(Instant.parse("2025-04-16T00:00:00Z"));
        Callable<Integer> replica = timer::closeDueWindows;
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (Future<Integer> f : pool.invokeAll(List.of(replica, replica, replica))) {
                f.get();
            }
        }
        closeDueWindows(timer, contracts.toArray(Contract[]::new));
        for (Contract k : contracts) {
            assertEquals(1L, Events.written("feedback-window-closed", k.id()), "one close of " + k.id());
            assertEquals(1L, Events.written("feedback-revealed", k.id()), "one reveal of " + k.id());
            assertNotNull(window(k.id()).closeHandledAt);
        }
    }

    /** Nothing calls the timer here: the scheduled job alone notices the closed window. */
    @Test
    void theScheduledJobClosesDueWindowsByItself() {
        clock.pin(Instant.parse("2025-05-10T14:00:00Z"));
        Contract k = closedContract(Instant.parse("2025-05-10T14:00:00Z"));
        submit(client(k), k.id(), CLIENT_FULL).statusCode(201);
        assertFalse(window(k.id()).closeHandledAt != null);

        clock.pin(Instant.parse("2025-05-25T00:00:01Z"));
        JsonNode closed = Events.await("feedback-window-closed", k.freelancerId(), k.id(), 1).getFirst();
        assertTrue(closed.get("clientFeedbackPresent").asBoolean());
        assertEquals("WINDOW_EXPIRED", Events.await("feedback-revealed", k.freelancerId(), k.id(), 1).getFirst().get("cause").asText());
    }
}
