package dev.jobsuccess.contract;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.HostileInputSweep;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.commons.testing.HostileInputSweep.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the OpenAPI document, fed hostile input by the parties of a real, funded contract. */
@QuarkusTest
class HostileInputSweepTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    EntityManager em;
    @Inject
    AdjustableClock clock;

    /** The sweep's plausible requests include moving the admin clock. */
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noHostileInputIsAcceptedOrAnswered5xx() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50_000, 50_000);
        String mid = milestones(client, id).getFirst();
        fund(client, id, mid);

        String platform = "ops-" + UUID.randomUUID();
        var sweep = new HostileInputSweep(base, List.of(
                new Caller("client", bearer(client, "CLIENT")),
                new Caller("freelancer", bearer(freelancer, "FREELANCER")),
                new Caller("platform", bearer(platform, "PLATFORM"))),
                Map.of("id", id, "mid", mid, "iid", UUID.randomUUID().toString(), "did", UUID.randomUUID().toString()),
                () -> List.of(ledger(client, id), client(client).get("/contracts/{id}", id).asString(),
                        client(client).get("/contracts/{id}/milestones", id).asString(),
                        rows(client, freelancer, platform)));
        HostileInputSweep.Report report = sweep.run();
        System.out.printf("hostile-input sweep (contract-service): %d requests over %d operations, %d findings%n",
                report.sent(), report.operations(), report.findings().size());
        report.findings().forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), report.findings());
    }

    /**
     * The callers' rows in every table a request could write, so that no refused request leaves anything behind: the
     * contracts they are party to (a new offer included) and everything of those contracts, and their idempotency keys.
     * Only theirs: timers of earlier tests' contracts fire meanwhile and write rows of their own.
     */
    private List<Object> rows(String client, String freelancer, String platform) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                WITH theirs AS (SELECT id FROM contract WHERE client_id = ?1 OR freelancer_id = ?2)
                SELECT (SELECT count(*) FROM theirs)
                    || '/' || (SELECT count(*) FROM milestone WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM ledger_entry WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM outbox_message
                               WHERE CAST(payload AS jsonb)->>'contractId' IN (SELECT CAST(id AS text) FROM theirs))
                    || '/' || (SELECT count(*) FROM idempotency_key WHERE caller IN (?1, ?2, ?3))
                    || '/' || (SELECT count(*) FROM dispute WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM escrow_refund_request WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM time_entry WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM weekly_limit_change WHERE contract_id IN (SELECT id FROM theirs))
                    || '/' || (SELECT count(*) FROM hourly_invoice WHERE contract_id IN (SELECT id FROM theirs))""")
                .setParameter(1, client).setParameter(2, freelancer).setParameter(3, platform).getResultList());
    }
}
