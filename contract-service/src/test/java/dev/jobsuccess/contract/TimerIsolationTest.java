package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.activeHourly;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestone;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A contract whose due timer fails (here the Monday invoice: minutes × an absurd hourly rate overflows) is rolled
 * back on its own: other contracts' timers fire in the same pass, the failure is counted, the contract is left
 * alone until its retry is due, its parties' commands still run, and once the cause is gone the timer fires.
 */
@QuarkusTest
class TimerIsolationTest {

    private static final String JOB = "contract-timers";

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;
    @Inject
    Scheduler scheduler;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void onlyThisTestRunsPasses() {
        // A pass already under way read the clock before the test moves it, so it cannot reach these contracts.
        scheduler.pause(JOB);
    }

    @AfterEach
    void resumeTheJob() {
        scheduler.resume(JOB);
        clock.reset();
    }

    @Test
    void aFailingTimerHoldsUpNeitherOtherContractsNorItsOwnParties() {
        clock.pin(Instant.parse("2025-03-04T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        String poisoned = activeHourly(c, f, 6000, 600);
        freelancer(f).body("{\"minutes\":60,\"memo\":\"work\"}").post("/contracts/{id}/hourly/time-entries", poisoned)
                .then().statusCode(201);
        // A rate the API no longer accepts, as an older row might hold it: 60 minutes × the rate overflows a long.
        setHourlyRate(poisoned, Long.MAX_VALUE / 10);
        String c2 = user("c");
        String f2 = user("f");
        String healthy = activeFixed(c2, f2, 50000);
        String m = milestones(c2, healthy).getFirst();
        fund(c2, healthy, m);
        freelancer(f2).post("/contracts/{id}/milestones/{mid}/submit", healthy, m).then().statusCode(200);

        // Past the poisoned contract's Monday invoice (2025-03-10 12:00) and the other one's auto-approval (03-18 09:00).
        clock.pin(Instant.parse("2025-03-18T10:00:00Z"));
        double before = failures();
        timers.processDue();
        assertEquals("RELEASED", milestone(c2, healthy, m).get("status"), "the healthy contract's timer fired in the same pass");
        assertEquals(before + 1, failures());
        assertEquals(List.of(), ledger(c, poisoned), "the failed invoice left nothing behind");
        assertEquals(1, failuresRecorded(poisoned));

        timers.processDue();
        assertEquals(before + 1, failures(), "the next pass leaves the contract alone until its retry is due");

        // Its parties are not locked out: the command tries the timer, it fails again, and the end goes through.
        clock.advance(Duration.ofHours(1));
        end(client(c), poisoned, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200)
                .body("status", equalTo("ENDED"));
        assertEquals(before + 2, failures());
        assertEquals(List.of(), ledger(c, poisoned));
        assertEquals(2, failuresRecorded(poisoned));

        // Once the cause is gone, a later pass invoices the week at the instant it was due.
        setHourlyRate(poisoned, 6000);
        clock.advance(Duration.ofHours(1));
        timers.processDue();
        assertEquals("HOURLY_CHARGE 6000@2025-03-10T12:00:00Z", ledger(c, poisoned).getFirst());
        assertEquals(0, failuresRecorded(poisoned));
        assertEquals(before + 2, failures());
    }

    private double failures() {
        return registry.counter("jobsuccess.contract.timer.failures").count();
    }

    private static void setHourlyRate(String id, long cents) {
        QuarkusTransaction.requiringNew().run(() -> Contract.getEntityManager()
                .createNativeQuery("UPDATE contract SET hourly_rate_cents = ?1 WHERE id = CAST(?2 AS uuid)")
                .setParameter(1, cents).setParameter(2, id).executeUpdate());
    }

    /** How many failures in a row timer_failure holds for the contract (0: none). */
    private static int failuresRecorded(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) Contract.getEntityManager()
                .createNativeQuery("SELECT failures FROM timer_failure WHERE contract_id = CAST(?1 AS uuid)")
                .setParameter(1, id).getResultList()).stream().mapToInt(n -> ((Number) n).intValue()).sum());
    }
}
