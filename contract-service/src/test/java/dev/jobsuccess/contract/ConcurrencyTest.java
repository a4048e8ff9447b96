package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.balance;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Concurrent requests on one contract cannot both succeed where only one may; timers on two "replicas" act once. */
@QuarkusTest
class ConcurrencyTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<Integer> parallel(List<Callable<Integer>> calls) throws Exception {
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        }
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    private static long entries(List<String> ledger, String type) {
        return ledger.stream().filter(e -> e.startsWith(type + " ")).count();
    }

    @Test
    void aDoubleReleaseReleasesOnce() throws Exception {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m = milestones(c, id).getFirst();
        fund(c, id, m);
        Callable<Integer> approve = () -> client(c).post("/contracts/{id}/milestones/{mid}/approve", id, m).statusCode();
        Callable<Integer> release = () -> client(c).body("{\"amountCents\":50000}")
                .post("/contracts/{id}/milestones/{mid}/release", id, m).statusCode();
        List<Integer> statuses = parallel(List.of(approve, release, approve, release, approve, release));
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(5, count(statuses, 409), statuses.toString());
        assertEquals(1, entries(ledger(c, id), "ESCROW_RELEASE"));
        assertEquals(0, balance(c, id).getLong("escrowCents"));
    }

    @Test
    void aReleaseRacingTheEndNeverSpendsTheEscrowTwice() throws Exception {
        for (int round = 0; round < 3; round++) {
            String c = user("c");
            String f = user("f");
            String id = activeFixed(c, f, 50000);
            String m = milestones(c, id).getFirst();
            fund(c, id, m);
            Callable<Integer> approve = () -> client(c).post("/contracts/{id}/milestones/{mid}/approve", id, m).statusCode();
            Callable<Integer> clientEnds = () -> client(c).body("{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"REQUEST_REFUND\"}")
                    .post("/contracts/{id}/end", id).statusCode();
            Callable<Integer> freelancerEnds = () -> freelancer(f).body("{\"endReasonCode\":\"OTHER\"}")
                    .post("/contracts/{id}/end", id).statusCode();
            List<Integer> statuses = parallel(List.of(approve, clientEnds, freelancerEnds, approve));
            assertEquals(4, count(statuses, 200) + count(statuses, 409), statuses.toString());
            List<String> l = ledger(c, id);
            JsonPath b = balance(c, id);
            long released = entries(l, "ESCROW_RELEASE");
            assertTrue(released <= 1, l.toString());
            assertEquals(1, count(statuses.subList(1, 3), 200), "exactly one end wins: " + statuses);
            // Whatever the order: the 50 000 deposited is released, refunded or still held for the refund request, once.
            long refunded = l.stream().filter(e -> e.startsWith("ESCROW_REFUND ")).mapToLong(e -> Long.parseLong(e.split("[ @]")[1])).sum();
            assertEquals(50000, b.getLong("grossReleasedCents") + refunded + b.getLong("escrowCents"), l.toString());
            assertEquals(b.getLong("escrowCents"), b.getLong("escrowRefundPendingCents"));
            assertEquals(1, Api.outboxRows("contract-closed", f));
        }
    }

    @Test
    void aMilestoneFundedFromManyTabsIsFundedOnce() throws Exception {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m = milestones(c, id).getFirst();
        Callable<Integer> fundIt = () -> client(c).post("/contracts/{id}/milestones/{mid}/fund", id, m).statusCode();
        List<Integer> statuses = parallel(List.of(fundIt, fundIt, fundIt, fundIt));
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(3, count(statuses, 409), statuses.toString());
        assertEquals(50000, balance(c, id).getLong("escrowCents"));
    }

    @Test
    void timersRunBySeveralReplicasAtOnceActOnce() throws Exception {
        clock.pin(Instant.parse("2025-02-03T09:00:00Z"));
        List<String[]> contracts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String c = user("c");
            String f = user("f");
            String id = activeFixed(c, f, 50000);
            String m = milestones(c, id).getFirst();
            fund(c, id, m);
            freelancer(f).post("/contracts/{id}/milestones/{mid}/submit", id, m).then().statusCode(200);
            contracts.add(new String[] {c, id});
        }
        clock.pin(Instant.parse("2025-02-25T09:00:00Z"));
        Callable<Integer> replica = () -> timers.processDue();
        parallel(List.of(replica, replica, replica, replica));
        for (String[] k : contracts) {
            List<String> l = ledger(k[0], k[1]);
            assertEquals(List.of("ESCROW_DEPOSIT 50000@2025-02-03T09:00:00Z", "ESCROW_RELEASE 50000@2025-02-17T09:00:00Z",
                    "SERVICE_FEE 5000@2025-02-17T09:00:00Z", "SECURITY_CLEARED 45000@2025-02-22T09:00:00Z"), l);
        }
    }
}
