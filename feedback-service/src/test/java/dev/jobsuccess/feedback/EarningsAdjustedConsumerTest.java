package dev.jobsuccess.feedback;

import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** contract-earnings-adjusted: applied once each, the latest per contract wins, and failures are told apart. */
@QuarkusTest
class EarningsAdjustedConsumerTest {

    static final Instant ENDED_AT = Instant.parse("2025-06-20T12:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void everySchemaExampleIsAppliedAndTheLatestByOccurredAtWinsWhateverTheOrder() {
        Contract k = ClosedContracts.closedContract(newUser("c"), newUser("f"), ENDED_AT, 50_000);
        // Newest first, so every older one that follows must be ignored.
        List<ObjectNode> examples = new ArrayList<>();
        for (int i = 0; i < EventSchemas.examples(EarningsAdjustments.TOPIC).size(); i++) {
            examples.add(EarningsAdjustments.example(i, k));
        }
        examples.sort(Comparator.comparing((ObjectNode e) -> Instant.parse(e.get("occurredAt").asText())).reversed());
        for (ObjectNode event : examples) {
            EarningsAdjustments.sendAndAwait(event);
            assertEquals(1L, count("SELECT count(*) FROM inbox_message WHERE event_id = ?1",
                    UUID.fromString(event.get("eventId").asText())));
        }
        ObjectNode latest = examples.getFirst();
        assertEquals(latest.get("netEarningsCents").asLong(), EarningsAdjustments.netEarnings(k.id()));
        assertEquals(1L, count("SELECT count(*) FROM contract_earnings WHERE contract_id = ?1 AND source = 'EARNINGS_ADJUSTED'"
                + " AND as_of = CAST(?2 AS timestamptz)", k.id(), latest.get("occurredAt").asText()));
    }

    @Test
    void aRedeliveredAdjustmentIsAppliedOnce() {
        Contract k = ClosedContracts.closedContract(newUser("c"), newUser("f"), ENDED_AT, 50_000);
        ObjectNode refund = EarningsAdjustments.adjustment(k, 0, Instant.parse("2025-06-22T09:00:00Z"));
        EarningsAdjustments.sendAndAwait(refund);
        // A later bonus, then the refund again: the redelivery must not bring the $0 back.
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 20_000, Instant.parse("2025-06-23T09:00:00Z")));
        EarningsAdjustments.send(refund);
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 20_000, Instant.parse("2025-06-23T09:00:00Z")));
        assertEquals(20_000L, EarningsAdjustments.netEarnings(k.id()));
    }

    @Test
    void anUnreadableAdjustmentIsDeadLetteredAtOnceAndThePartitionMovesOn() {
        Contract k = ClosedContracts.closedContract(newUser("c"), newUser("f"), ENDED_AT, 50_000);
        ObjectNode negative = EarningsAdjustments.example(0, k);
        negative.put("netEarningsCents", -5);
        ObjectNode wrongType = EarningsAdjustments.example(0, k);
        wrongType.put("eventType", "contract.closed");
        KafkaTopics.send(EarningsAdjustments.TOPIC, k.freelancerId(), negative.toString());
        KafkaTopics.send(EarningsAdjustments.TOPIC, k.freelancerId(), wrongType.toString());
        KafkaTopics.send(EarningsAdjustments.TOPIC, k.freelancerId(), "{not json");
        long started = System.nanoTime();
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 7_000, Instant.parse("2025-06-23T09:00:00Z")));

        var dead = KafkaTopics.await("contract-earnings-adjusted-dlq-feedback", r -> k.freelancerId().equals(r.key()), 3,
                Duration.ofSeconds(30));
        assertEquals(3, dead.size(), "the three unreadable records are dead-lettered");
        assertEquals(negative.toString(), dead.get(0).value());
        assertEquals("{not json", dead.get(2).value());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "without the transient-failure retries");
        assertEquals(7_000L, EarningsAdjustments.netEarnings(k.id()));
    }

    /**
     * A valid event whose processing fails for a while (the database refuses the write, as during an outage) is retried
     * until it succeeds, instead of going to the dead-letter topic after a couple of seconds. Both consumers write
     * contract_earnings, so both are held up, and both must get through.
     */
    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNothingIsDeadLettered() throws Exception {
        String client = newUser("c");
        String freelancer = newUser("f");
        ObjectNode close = ClosedContracts.endedAt(client, freelancer, ENDED_AT);
        String closedContract = close.get("contractId").asText();
        String adjustedContract = UUID.randomUUID().toString();
        ObjectNode adjustment = EarningsAdjustments.example(0, adjustedContract, client, freelancer);
        adjustment.put("netEarningsCents", 12_345);
        revokeWrites();
        try {
            ClosedContracts.send(close);
            EarningsAdjustments.send(adjustment);
            // Longer than a policy of a few quick retries would take to give up (3 retries in ~7 s still would).
            Thread.sleep(8_000);
            assertEquals(-1L, EarningsAdjustments.netEarnings(adjustedContract), "not applied while the database refuses");
            assertNull(ClosedContracts.window(closedContract));
        } finally {
            grantWrites();
        }
        // Applied once the database takes writes again: a dead-lettered record would never have been.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> EarningsAdjustments.netEarnings(adjustedContract) == 12_345);
        ClosedContracts.awaitWindow(closedContract);
        for (String dlq : List.of("contract-earnings-adjusted-dlq-feedback", "contract-closed-dlq-feedback")) {
            assertEquals(0, KafkaTopics.await(dlq, r -> freelancer.equals(r.key()), 1, Duration.ofSeconds(3)).size(),
                    "nothing dead-lettered in " + dlq);
        }
    }

    private void revokeWrites() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("REVOKE INSERT, UPDATE ON contract_earnings FROM CURRENT_USER").executeUpdate());
    }

    private void grantWrites() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("GRANT INSERT, UPDATE ON contract_earnings TO CURRENT_USER").executeUpdate());
    }
}
