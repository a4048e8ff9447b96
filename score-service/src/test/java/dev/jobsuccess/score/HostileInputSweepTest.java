package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.HostileInputSweep;
import dev.jobsuccess.commons.testing.HostileInputSweep.Caller;
import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the OpenAPI document, fed hostile input by a freelancer, a client and the platform. */
@QuarkusTest
class HostileInputSweepTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    AdjustableClock clock;

    /** The sweep's plausible requests include moving the admin clock. */
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noHostileInputIsAcceptedOrAnswered5xx() {
        String freelancer = "f-" + UUID.randomUUID();
        var sweep = new HostileInputSweep(base, List.of(
                new Caller("freelancer", bearer(freelancer, "FREELANCER")),
                new Caller("client", bearer("c-" + UUID.randomUUID(), "CLIENT")),
                new Caller("platform", bearer("ops-" + UUID.randomUUID(), "PLATFORM"))),
                Map.of("freelancerId", freelancer),
                // Scoped to the fixture's freelancer (events of earlier tests may still be applied meanwhile), except
                // snapshot runs, which only an admin call or the daily schedule starts.
                () -> List.of(Db.count("SELECT count(*) FROM freelancer_score WHERE freelancer_id = ?1", freelancer),
                        Db.count("SELECT count(*) FROM score_history WHERE freelancer_id = ?1", freelancer),
                        Db.count("SELECT count(*) FROM outbox_message WHERE message_key = ?1", freelancer),
                        Db.count("SELECT count(*) FROM feedback_removal WHERE freelancer_id = ?1", freelancer),
                        Db.count("SELECT count(*) FROM snapshot_run")));
        // A real snapshot would claim dates other tests claim; a real rebuild, wrong in no way, is merely slow.
        HostileInputSweep.Report report = sweep.onlyInvalidInputsFor("POST /admin/snapshots", "POST /admin/rebuild").run();
        System.out.printf("hostile-input sweep (score-service): %d requests over %d operations, %d findings%n",
                report.sent(), report.operations(), report.findings().size());
        report.findings().forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), report.findings());
    }
}
