package dev.jobsuccess.score;

import static dev.jobsuccess.score.ScoreFromEventsTest.contractFact;
import static dev.jobsuccess.score.ScoreFromEventsTest.feedbackFact;
import static dev.jobsuccess.score.TestEvents.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.domain.ClientFeedback;
import dev.jobsuccess.score.domain.ClosedContract;
import dev.jobsuccess.score.domain.EventCause;
import dev.jobsuccess.score.domain.FactConflictException;
import dev.jobsuccess.score.domain.ScoreService;
import io.quarkus.test.junit.QuarkusTest;

/** How facts are kept when the same contract is reported more than once, straight through the domain service. */
@QuarkusTest
class FactRecordingTest {

    static final Instant STARTED = Instant.parse("2025-05-01T09:00:00Z");
    static final Instant ENDED = Instant.parse("2025-06-01T12:00:00Z");

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @BeforeEach
    void pinClock() {
        clock.pin(ScoreFromEventsTest.NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLatestPublicationOfAContractWinsWhateverTheOrderOfArrival() {
        String freelancer = newId("f");
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        scores.recordContractClosed(cause("contract.closed"), closed(contract, freelancer, client, 70000, ENDED.plusSeconds(60)));
        // An older publication arriving late does not undo the newer one.
        scores.recordContractClosed(cause("contract.closed"), closed(contract, freelancer, client, 10000, ENDED));
        assertEquals(70000, contractFact(contract).orElseThrow().netEarningsCents());
        scores.recordContractClosed(cause("contract.closed"), closed(contract, freelancer, client, 90000, ENDED.plusSeconds(120)));
        assertEquals(90000, contractFact(contract).orElseThrow().netEarningsCents());
        assertEquals(List.of(ENDED), contractFact(contract).orElseThrow().paymentInstants());

        Instant submitted = Instant.parse("2025-06-02T10:00:00Z");
        scores.recordClientFeedback(cause("feedback.submitted"), feedback(contract, freelancer, client, 6, submitted.plusSeconds(60)));
        scores.recordClientFeedback(cause("feedback.submitted"), feedback(contract, freelancer, client, 10, submitted));
        assertEquals(6, feedbackFact(contract).orElseThrow().privateRecommend());
    }

    @Test
    void anEventNamingOtherPartiesForAKnownContractIsRefusedAndChangesNothing() {
        String freelancer = newId("f");
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        scores.recordContractClosed(cause("contract.closed"), closed(contract, freelancer, client, 50000, ENDED));

        String stranger = newId("f");
        assertThrows(FactConflictException.class, () -> scores.recordClientFeedback(cause("feedback.submitted"),
                feedback(contract, stranger, client, 2, ENDED.plusSeconds(3600))));
        assertThrows(FactConflictException.class, () -> scores.recordContractClosed(cause("contract.closed"),
                closed(contract, freelancer, newId("c"), 50000, ENDED.plusSeconds(60))));
        assertTrue(feedbackFact(contract).isEmpty());
        assertEquals(client, contractFact(contract).orElseThrow().clientId());
    }

    static EventCause cause(String eventType) {
        return new EventCause(UUID.randomUUID(), eventType);
    }

    static ClosedContract closed(String contract, String freelancer, String client, long netCents, Instant occurredAt) {
        return new ClosedContract(contract, freelancer, client, STARTED, ENDED, netCents, List.of(ENDED),
                EndReason.JOB_COMPLETED_SUCCESSFULLY, DisputeOutcome.NONE, occurredAt);
    }

    static ClientFeedback feedback(String contract, String freelancer, String client, int recommend, Instant submittedAt) {
        return new ClientFeedback(UUID.randomUUID().toString(), contract, freelancer, client, recommend,
                new BigDecimal("5.00"), submittedAt);
    }
}
