package dev.jobsuccess.score;

import static dev.jobsuccess.score.ScoreFromEventsTest.contractFact;
import static dev.jobsuccess.score.ScoreFromEventsTest.feedbackFact;
import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.score.TestEvents.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import dev.jobsuccess.score.facts.ClientFeedback;
import dev.jobsuccess.score.facts.ClosedContract;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.FactConflictException;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;

/** How facts are kept (reported more than once, mid-contract, with a private end reason), straight through the domain service. */
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
        scores.record(cause("contract.closed"), closed(contract, freelancer, client, 70000, ENDED.plusSeconds(60)));
        // An older publication arriving late does not undo the newer one.
        scores.record(cause("contract.closed"), closed(contract, freelancer, client, 10000, ENDED));
        assertEquals(70000, contractFact(contract).orElseThrow().netEarningsCents());
        scores.record(cause("contract.closed"), closed(contract, freelancer, client, 90000, ENDED.plusSeconds(120)));
        assertEquals(90000, contractFact(contract).orElseThrow().netEarningsCents());
        assertEquals(List.of(ENDED), contractFact(contract).orElseThrow().paymentInstants());

        Instant submitted = Instant.parse("2025-06-02T10:00:00Z");
        scores.record(cause("feedback.submitted"), feedback(contract, freelancer, client, 6, submitted.plusSeconds(60)));
        scores.record(cause("feedback.submitted"), feedback(contract, freelancer, client, 10, submitted));
        assertEquals(6, feedbackFact(contract).orElseThrow().privateRecommend());
    }

    @Test
    void anEventNamingOtherPartiesForAKnownContractIsRefusedAndChangesNothing() {
        String freelancer = newId("f");
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        scores.record(cause("contract.closed"), closed(contract, freelancer, client, 50000, ENDED));

        String stranger = newId("f");
        assertThrows(FactConflictException.class, () -> scores.record(cause("feedback.submitted"),
                feedback(contract, stranger, client, 2, ENDED.plusSeconds(3600))));
        assertThrows(FactConflictException.class, () -> scores.record(cause("contract.closed"),
                closed(contract, freelancer, newId("c"), 50000, ENDED.plusSeconds(60))));
        assertTrue(feedbackFact(contract).isEmpty());
        assertEquals(client, contractFact(contract).orElseThrow().clientId());
    }

    @Test
    void midContractFeedbackIsKeptButCountsOnlyWithPeriodicFeedbackCounts() {
        String freelancer = newId("f");
        String client = newId("c");
        String contract = UUID.randomUUID().toString();
        scores.record(cause("contract.closed"), closed(contract, freelancer, client, 50000, ENDED));
        scores.record(cause("feedback.submitted"), new ClientFeedback(UUID.randomUUID().toString(), contract, freelancer,
                client, null, new BigDecimal("2.00"), null, true, STARTED.plusSeconds(86400 * 10)));
        assertEquals(1, Db.count("SELECT count(*) FROM periodic_feedback_fact WHERE contract_id = ?1", contract));
        assertEquals(0, Db.count("SELECT count(*) FROM client_feedback_fact WHERE contract_id = ?1", contract));
        // periodic_feedback_counts is false by default: the contract has no counting feedback.
        given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score/explanation", freelancer).then().statusCode(200)
                .body("contracts[0].inclusion", equalTo("EXCLUDED_NO_FEEDBACK"));
    }

    @Test
    void theEndReasonAClientGivesInPrivateFeedbackCapsTheOutcomeOnceRevealed() {
        String freelancer = newId("f");
        String[] contracts = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] clients = {newId("c"), newId("c")};
        for (int i = 0; i < 2; i++) {
            String feedbackId = UUID.randomUUID().toString();
            scores.record(cause("contract.closed"), new ClosedContract(contracts[i], freelancer, clients[i], STARTED, ENDED, 50000,
                    List.of(ENDED), i == 0 ? EndReason.JOB_COMPLETED_SUCCESSFULLY : EndReason.CLIENT_NOT_RESPONSIVE,
                    EndedBy.FREELANCER, DisputeOutcome.NONE, ENDED, null, null));
            // The client, rating 9 privately, still says in the private part that the freelancer was unresponsive.
            scores.record(cause("feedback.submitted"), new ClientFeedback(feedbackId, contracts[i], freelancer, clients[i], 9,
                    null, i == 0 ? "FREELANCER_UNRESPONSIVE" : "NO_LONGER_NEEDED", false, ENDED.plusSeconds(60)));
            scores.record(cause("feedback.revealed"), new FeedbackReveal(feedbackId, contracts[i],
                    freelancer, clients[i], ENDED.plusSeconds(120), "BOTH_SUBMITTED"));
        }
        // Contract 0: the client's capping reason makes it NEGATIVE; contract 1: SUCCESS. 5/10 → 50.
        given().header("Authorization", bearer("ops", "PLATFORM"))
                .get("/freelancers/{id}/score/explanation", freelancer).then().statusCode(200)
                .body("jss", equalTo(50))
                .body("contracts.find { it.contractId == '" + contracts[0] + "' }.outcome", equalTo("NEGATIVE"))
                .body("contracts.find { it.contractId == '" + contracts[1] + "' }.outcome", equalTo("SUCCESS"));
    }

    static EventCause cause(String eventType) {
        return new EventCause(UUID.randomUUID(), eventType);
    }

    static ClosedContract closed(String contract, String freelancer, String client, long netCents, Instant occurredAt) {
        return new ClosedContract(contract, freelancer, client, STARTED, ENDED, netCents, List.of(ENDED),
                EndReason.JOB_COMPLETED_SUCCESSFULLY, EndedBy.CLIENT, DisputeOutcome.NONE, occurredAt, null, null);
    }

    static ClientFeedback feedback(String contract, String freelancer, String client, int recommend, Instant submittedAt) {
        return new ClientFeedback(UUID.randomUUID().toString(), contract, freelancer, client, recommend,
                new BigDecimal("5.00"), null, false, submittedAt);
    }
}
