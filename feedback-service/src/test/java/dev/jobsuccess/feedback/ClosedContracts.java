package dev.jobsuccess.feedback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.testing.EventSchemas;
import dev.jobsuccess.commons.testing.KafkaTopics;
import dev.jobsuccess.feedback.window.FeedbackWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Feeds the service contract-closed events made from the schema's examples, with fresh ids so tests stay independent. */
final class ClosedContracts {

    static final String TOPIC = "contract-closed";
    /** contract-service's default window length (domain.md §d.7), which the tests announce as it would. */
    static final int WINDOW_DAYS = 14;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClosedContracts() {
    }

    static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The schema's example number {@code index}, given a fresh event id, contract id and parties. */
    static ObjectNode example(int index, String clientId, String freelancerId) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples(TOPIC).get(index));
            event.put("eventId", UUID.randomUUID().toString());
            event.put("contractId", UUID.randomUUID().toString());
            event.put("clientId", clientId);
            event.put("freelancerId", freelancerId);
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first example, ended at the given instant, with the window end the producer would announce. */
    static ObjectNode endedAt(String clientId, String freelancerId, Instant endedAt) {
        ObjectNode event = example(0, clientId, freelancerId);
        event.put("occurredAt", endedAt.toString());
        event.put("endedAt", endedAt.toString());
        event.put("feedbackWindowClosesAt", closesAt(endedAt).toString());
        return event;
    }

    /** Sends the event keyed by its freelancer, as contract-service does. */
    static void send(ObjectNode event) {
        KafkaTopics.send(TOPIC, event.get("freelancerId").asText(), event.toString());
    }

    /** Sends the event and waits until the service has opened its window; returns the contract id. */
    static String sendAndAwaitWindow(ObjectNode event) {
        send(event);
        String contractId = event.get("contractId").asText();
        awaitWindow(contractId);
        return contractId;
    }

    static void awaitWindow(String contractId) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
                .until(() -> window(contractId) != null);
    }

    /** A contract whose client and freelancer are fresh users, ended at the given instant, with its window open. */
    static Contract closedContract(Instant endedAt) {
        return closedContract(newUser("c"), newUser("f"), endedAt, 50_000);
    }

    /** As {@link #closedContract(Instant)}, with the given parties and net earnings at the close. */
    static Contract closedContract(String client, String freelancer, Instant endedAt, long netEarningsCents) {
        ObjectNode event = endedAt(client, freelancer, endedAt);
        withNetEarnings(event, netEarningsCents);
        return new Contract(sendAndAwaitWindow(event), client, freelancer, closesAt(endedAt));
    }

    /** Sets the event's money to a plain release of the given amount, consistently with the schema's formula. */
    static ObjectNode withNetEarnings(ObjectNode event, long cents) {
        ObjectNode money = (ObjectNode) event.get("money");
        money.put("grossReleasedCents", cents);
        money.put("hourlyChargedCents", 0);
        money.put("bonusCents", 0);
        money.put("refundedCents", 0);
        money.put("netEarningsCents", cents);
        return event;
    }

    /** Closes the windows due by the service clock, then waits until these are handled (the scheduled job may hold one). */
    static void closeDueWindows(dev.jobsuccess.feedback.window.WindowCloseTimer timer, Contract... contracts) {
        timer.closeDueWindows();
        for (Contract k : contracts) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> window(k.id()).closeHandledAt != null);
        }
    }

    /**
     * The window end contract-service announces for a contract ended at {@code endedAt}: 23:59:59.999 UTC on the 14th
     * day after the end date. The tests play the producer; feedback-service itself only takes the carried instant.
     */
    static Instant closesAt(Instant endedAt) {
        return endedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(WINDOW_DAYS + 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MILLIS);
    }

    record Contract(String id, String clientId, String freelancerId, Instant closesAt) {}

    static FeedbackWindow window(String contractId) {
        return QuarkusTransaction.requiringNew().call(() -> FeedbackWindow.<FeedbackWindow>findById(contractId));
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = FeedbackWindow.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
