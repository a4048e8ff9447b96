package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A client's retry with the same Idempotency-Key takes effect once and answers what the first attempt answered. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification keyed(RequestSpecification who, String key) {
        return who.header("Idempotency-Key", key);
    }

    private static long count(List<String> ledger, String entryType) {
        return ledger.stream().filter(e -> e.startsWith(entryType + " ")).count();
    }

    /** The first response and the retry's: same status and body; the retry is marked as replayed. */
    private static void sameAnswer(Response first, Response retry) {
        assertEquals(first.statusCode(), retry.statusCode(), retry.asString());
        assertEquals(first.asString(), retry.asString());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
    }

    @Test
    void aRetriedOfferCreatesOneContract() {
        String client = user("c");
        String body = "{\"freelancerId\":\"" + user("f") + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Logo\",\"milestones\":"
                + "[{\"description\":\"part\",\"amountCents\":50000}]}";
        String key = UUID.randomUUID().toString();
        Response first = keyed(client(client), key).body(body).post("/contracts");
        Response retry = keyed(client(client), key).body(body).post("/contracts");
        first.then().statusCode(201);
        sameAnswer(first, retry);
        assertEquals(first.header("Location"), retry.header("Location"));
        long contracts = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM contract WHERE client_id = ?1").setParameter(1, client).getSingleResult()).longValue());
        assertEquals(1, contracts);
    }

    @Test
    void aRetriedFundReleaseBonusAndEndEachTakeEffectOnce() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 100_000);
        String mid = milestones(client, id).getFirst();

        String fundKey = UUID.randomUUID().toString();
        sameAnswer(keyed(client(client), fundKey).post("/contracts/{id}/milestones/{mid}/fund", id, mid),
                keyed(client(client), fundKey).post("/contracts/{id}/milestones/{mid}/fund", id, mid));

        String releaseKey = UUID.randomUUID().toString();
        Response released = keyed(client(client), releaseKey).body("{\"amountCents\":30000}")
                .post("/contracts/{id}/milestones/{mid}/release", id, mid);
        released.then().statusCode(200).body("releasedCents", equalTo(30000));
        sameAnswer(released, keyed(client(client), releaseKey).body("{\"amountCents\":30000}")
                .post("/contracts/{id}/milestones/{mid}/release", id, mid));

        String bonusKey = UUID.randomUUID().toString();
        Response bonus = keyed(client(client), bonusKey).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id);
        bonus.then().statusCode(200);
        sameAnswer(bonus, keyed(client(client), bonusKey).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id));

        String endKey = UUID.randomUUID().toString();
        String end = "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\",\"escrowAction\":\"REQUEST_REFUND\"}";
        Response ended = keyed(client(client), endKey).body(end).post("/contracts/{id}/end", id);
        ended.then().statusCode(200).body("status", equalTo("ENDED"));
        sameAnswer(ended, keyed(client(client), endKey).body(end).post("/contracts/{id}/end", id));

        List<String> ledger = ledger(client, id);
        assertEquals(1, count(ledger, "ESCROW_DEPOSIT"), ledger.toString());
        assertEquals(1, count(ledger, "ESCROW_RELEASE"), ledger.toString());
        assertEquals(1, count(ledger, "BONUS"), ledger.toString());
    }

    @Test
    void aRetriedRefundTakesEffectOnce() {
        clock.pin(Instant.parse("2025-03-03T09:00:00Z"));
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50_000);
        String mid = milestones(client, id).getFirst();
        fund(client, id, mid);
        client(client).body("{\"amountCents\":50000}").post("/contracts/{id}/milestones/{mid}/release", id, mid)
                .then().statusCode(200);
        clock.pin(Instant.parse("2025-03-20T09:00:00Z"));

        String key = UUID.randomUUID().toString();
        Response refund = keyed(freelancer(freelancer), key).body("{\"amountCents\":10000}").post("/contracts/{id}/refund", id);
        refund.then().statusCode(200).body("refundedCents", equalTo(10000));
        sameAnswer(refund, keyed(freelancer(freelancer), key).body("{\"amountCents\":10000}").post("/contracts/{id}/refund", id));
        assertEquals(1, count(ledger(client, id), "POST_RELEASE_REFUND"));
    }

    @Test
    void theSameKeyWithAnotherRequestAnswers422AndChangesNothing() {
        String client = user("c");
        String id = activeFixed(client, user("f"), 100_000);
        String key = UUID.randomUUID().toString();
        keyed(client(client), key).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id).then().statusCode(200);

        keyed(client(client), key).body("{\"amountCents\":6000}").post("/contracts/{id}/bonus", id).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String other = activeFixed(client, user("f"), 100_000);
        keyed(client(client), key).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", other).then().statusCode(422);

        assertEquals(1, count(ledger(client, id), "BONUS"));
        assertEquals(0, count(ledger(client, other), "BONUS"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String first = user("c");
        String second = user("c");
        String one = activeFixed(first, user("f"), 100_000);
        String two = activeFixed(second, user("f"), 100_000);
        keyed(client(first), key).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", one).then().statusCode(200);
        keyed(client(second), key).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", two).then().statusCode(200)
                .header("Idempotent-Replayed", (String) null);
        assertEquals(1, count(ledger(second, two), "BONUS"));
    }

    @Test
    void tenConcurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        String client = user("c");
        String id = activeFixed(client, user("f"), 100_000);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return keyed(client(client), key).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id);
                }));
            }
            start.countDown();
            String body = null;
            int replayed = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(200, r.statusCode(), r.asString());
                body = body == null ? r.asString() : body;
                assertEquals(body, r.asString(), "every attempt answers the one effect");
                replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertEquals(9, replayed);
        }
        assertEquals(1, count(ledger(client, id), "BONUS"));
    }

    @Test
    void aMalformedKeyIsRefused() {
        String client = user("c");
        String id = activeFixed(client, user("f"), 100_000);
        keyed(client(client), "x".repeat(256)).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, count(ledger(client, id), "BONUS"));
    }
}
