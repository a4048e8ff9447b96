package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.HostileInputSweep.Caller;
import dev.jobsuccess.commons.testing.HostileInputSweep;
import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the OpenAPI document, fed hostile input by the parties of a closed contract with its window open. */
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
        ClosedContracts.Contract k = closedContract(clock.instant());
        String feedbackId = Api.submit(Api.client(k), k.id(), Api.CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        var sweep = new HostileInputSweep(base, List.of(
                new Caller("client", Api.client(k)),
                new Caller("freelancer", Api.freelancer(k)),
                new Caller("platform", Api.platform())),
                Map.of("id", k.id(), "/freelancers/{id}/feedback#id", k.freelancerId(), "feedbackId", feedbackId),
                // Scoped to the fixture: other tests' windows close and publish in the background meanwhile.
                () -> List.of(count("SELECT count(*) FROM feedback WHERE contract_id = ?1", k.id()),
                        count("SELECT count(*) FROM outbox_message WHERE message_key = ?1", k.freelancerId()),
                        count("SELECT count(*) FROM feedback_window WHERE contract_id = ?1", k.id()),
                        Api.read(Api.client(k), k.id()).extract().asString()));
        HostileInputSweep.Report report = sweep.run();
        System.out.printf("hostile-input sweep (feedback-service): %d requests over %d operations, %d findings%n",
                report.sent(), report.operations(), report.findings().size());
        report.findings().forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), report.findings());
    }
}
