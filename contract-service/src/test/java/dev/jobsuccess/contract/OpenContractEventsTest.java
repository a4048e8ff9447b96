package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.events;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.outboxRows;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;

/**
 * domain.md §d.4: the score learns about open contracts from contract-started and contract-payment-recorded
 * (the long-term rule, §d.3.6), read back from Kafka and checked against their schemas.
 */
@QuarkusTest
class OpenContractEventsTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String instant) {
        clock.pin(Instant.parse(instant));
        timers.processDue();
    }

    @Test
    void acceptingAnOfferPublishesContractStarted() {
        String client = user("c");
        String freelancer = user("f");
        at("2024-07-01T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000);

        JsonNode started = events("contract-started", freelancer, 1).getFirst();
        assertEquals("contract.started", started.get("eventType").asText());
        assertEquals(id, started.get("contractId").asText());
        assertEquals(client, started.get("clientId").asText());
        assertEquals(freelancer, started.get("freelancerId").asText());
        assertEquals("FIXED_PRICE", started.get("contractType").asText());
        assertEquals("design", started.get("category").asText());
        assertEquals("2024-07-01T09:00:00Z", started.get("startedAt").asText());
        assertEquals("2024-07-01T09:00:00Z", started.get("occurredAt").asText());
        assertEquals(0, outboxRows("contract-payment-recorded", freelancer), "funding escrow pays the freelancer nothing");
    }

    @Test
    void everyPaymentPauseAndRestartOfAnOpenContractPublishesItsMoneyAndStatusUntilItEnds() {
        String client = user("c");
        String freelancer = user("f");
        at("2024-07-01T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 30000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        at("2024-08-01T12:00:00Z");
        client(client).post("/contracts/{id}/milestones/{mid}/approve", id, m.get(0)).then().statusCode(200);
        at("2024-08-15T12:00:00Z");
        client(client).post("/contracts/{id}/pause", id).then().statusCode(200).body("status", equalTo("PAUSED"));
        at("2024-08-20T12:00:00Z");
        client(client).post("/contracts/{id}/restart", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        at("2024-09-01T12:00:00Z");
        client(client).body("{\"amountCents\":10000}").post("/contracts/{id}/bonus", id).then().statusCode(200);
        at("2024-09-10T12:00:00Z");
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200);
        at("2024-09-12T12:00:00Z");
        client(client).body("{\"amountCents\":5000}").post("/contracts/{id}/bonus", id).then().statusCode(200);

        List<JsonNode> recorded = events("contract-payment-recorded", freelancer, 4);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : recorded) {
            assertEquals(id, e.get("contractId").asText());
            assertEquals(client, e.get("clientId").asText());
            assertEquals("2024-07-01T09:00:00Z", e.get("startedAt").asText());
            seen.add(e.get("occurredAt").asText() + " " + e.get("status").asText() + " " + e.get("netEarningsCents").asLong()
                    + " " + e.get("paymentInstants"));
        }
        assertEquals(List.of(
                "2024-08-01T12:00:00Z ACTIVE 50000 [\"2024-08-01T12:00:00Z\"]",
                "2024-08-15T12:00:00Z PAUSED 50000 [\"2024-08-01T12:00:00Z\"]",
                "2024-08-20T12:00:00Z ACTIVE 50000 [\"2024-08-01T12:00:00Z\"]",
                "2024-09-01T12:00:00Z ACTIVE 60000 [\"2024-08-01T12:00:00Z\",\"2024-09-01T12:00:00Z\"]"), seen,
                "the release, the pause, the restart and the bonus; after the end, contract-closed and contract-earnings-adjusted report the money");
        assertEquals(1, outboxRows("contract-closed", freelancer));
        JsonNode adjusted = events("contract-earnings-adjusted", freelancer, 1).getFirst();
        assertEquals(65000, adjusted.get("netEarningsCents").asLong());
    }

    @Test
    void everyContractEventCarriesEachChangeOfNetEarningsWithItsInstantSummingToTheNet() {
        String client = user("c");
        String freelancer = user("f");
        at("2024-07-01T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 30000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        at("2024-08-01T12:00:00Z");
        client(client).post("/contracts/{id}/milestones/{mid}/approve", id, m.get(0)).then().statusCode(200);
        at("2024-09-01T12:00:00Z");
        client(client).body("{\"amountCents\":10000}").post("/contracts/{id}/bonus", id).then().statusCode(200);
        at("2024-09-10T12:00:00Z");
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200);
        at("2024-09-20T12:00:00Z");
        freelancer(freelancer).body("{\"amountCents\":20000}").post("/contracts/{id}/refund", id).then().statusCode(200);

        String release = "{\"at\":\"2024-08-01T12:00:00Z\",\"amountCents\":50000}";
        String bonus = "{\"at\":\"2024-09-01T12:00:00Z\",\"amountCents\":10000}";
        String refund = "{\"at\":\"2024-09-20T12:00:00Z\",\"amountCents\":-20000}";
        List<JsonNode> recorded = events("contract-payment-recorded", freelancer, 2);
        assertEquals("[" + release + "]", recorded.get(0).get("earnings").toString());
        assertEquals("[" + release + "," + bonus + "]", recorded.get(1).get("earnings").toString());
        JsonNode closed = events("contract-closed", freelancer, 1).getFirst();
        assertEquals("[" + release + "," + bonus + "]", closed.get("earnings").toString());
        JsonNode adjusted = events("contract-earnings-adjusted", freelancer, 1).getFirst();
        assertEquals("[" + release + "," + bonus + "," + refund + "]", adjusted.get("earnings").toString(),
                "the refund after the end comes last, negative");
        assertEquals(40000, adjusted.get("netEarningsCents").asLong());

        for (JsonNode e : List.of(recorded.get(0), recorded.get(1), closed, adjusted)) {
            long net = e.has("money") ? e.at("/money/netEarningsCents").asLong() : e.get("netEarningsCents").asLong();
            long sum = 0;
            for (JsonNode item : e.get("earnings")) {
                sum += item.get("amountCents").asLong();
            }
            assertEquals(net, sum, "the items sum to the net earnings: " + e);
        }
    }
}
