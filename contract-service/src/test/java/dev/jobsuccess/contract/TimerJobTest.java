package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.milestone;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;

/** The @Scheduled job itself applies due timers: nothing here calls the timer service. */
@QuarkusTest
class TimerJobTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theScheduledJobAutoApprovesASubmissionOnceTheReviewPeriodIsOver() {
        clock.pin(Instant.parse("2025-03-03T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m = milestones(c, id).getFirst();
        fund(c, id, m);
        freelancer(f).post("/contracts/{id}/milestones/{mid}/submit", id, m).then().statusCode(200);
        clock.pin(Instant.parse("2025-03-17T09:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "RELEASED".equals(milestone(c, id, m).get("status")));
        assertEquals(true, milestone(c, id, m).get("autoApproved"));
        assertEquals("ESCROW_RELEASE 50000@2025-03-17T09:00:00Z", Api.ledger(c, id).get(1));
    }
}
