package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.events;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.outboxRows;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;

/**
 * S46: a fixed-price contract holding funds gets a contract-dormancy-notice on day 76 and day 83 without activity, once
 * per inactivity period, before the system closes it on day 90; read back from Kafka and checked against the schema.
 */
@QuarkusTest
class DormancyNoticeTest {

    private static final String TOPIC = "contract-dormancy-notice";

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
    void day76AndDay83NoticesGoOutOnceEachThenDay90ClosesTheContract() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-01-06T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000);
        fund(client, id, milestones(client, id).getFirst());

        at("2025-03-22T09:00:00Z");
        assertEquals(0, outboxRows(TOPIC, freelancer), "day 75: nothing");
        at("2025-03-23T08:59:59Z");
        assertEquals(0, outboxRows(TOPIC, freelancer), "a second before day 76: nothing");
        at("2025-03-23T09:00:00Z");
        assertEquals(1, outboxRows(TOPIC, freelancer), "day 76: the first notice");
        timers.processDue();
        at("2025-03-29T09:00:00Z");
        assertEquals(1, outboxRows(TOPIC, freelancer), "another timer pass sends it not again");
        at("2025-03-30T09:00:00Z");
        assertEquals(2, outboxRows(TOPIC, freelancer), "day 83: the second notice");
        timers.processDue();
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ACTIVE"));
        at("2025-04-06T09:00:00Z");
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ENDED"))
                .body("endReasonCode", equalTo("DORMANT_AUTO_CLOSED")).body("endedAt", equalTo("2025-04-06T09:00:00Z"));
        assertEquals(2, outboxRows(TOPIC, freelancer), "the close sends no third notice");
        assertEquals(1, outboxRows("contract-closed", freelancer));

        List<JsonNode> notices = events(TOPIC, freelancer, 2);
        for (int i = 0; i < 2; i++) {
            JsonNode n = notices.get(i);
            assertEquals("contract.dormancy-notice", n.get("eventType").asText());
            assertEquals(id, n.get("contractId").asText());
            assertEquals(client, n.get("clientId").asText());
            assertEquals(freelancer, n.get("freelancerId").asText());
            assertEquals(i == 0 ? 76 : 83, n.get("noticeDay").asInt());
            assertEquals(i == 0 ? "2025-03-23T09:00:00Z" : "2025-03-30T09:00:00Z", n.get("occurredAt").asText());
            assertEquals("2025-01-06T09:00:00Z", n.get("inactiveSince").asText());
            assertEquals("2025-04-06T09:00:00Z", n.get("autoCloseAt").asText());
            assertEquals(50000, n.get("escrowHeldCents").asLong());
        }
    }

    @Test
    void activityStartsANewInactivityPeriodWhoseNoticesGoOutAgain() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-01-06T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000);
        fund(client, id, milestones(client, id).getFirst());
        at("2025-03-23T09:00:00Z");
        assertEquals(1, outboxRows(TOPIC, freelancer), "day 76 of the first period");

        at("2025-03-27T09:00:00Z");
        client(client).body("{\"description\":\"more\",\"amountCents\":20000}").post("/contracts/{id}/milestones", id)
                .then().statusCode(201);
        at("2025-03-30T09:00:00Z");
        assertEquals(1, outboxRows(TOPIC, freelancer), "day 83 of the old period is gone with it");
        at("2025-06-11T08:59:59Z");
        assertEquals(1, outboxRows(TOPIC, freelancer));
        at("2025-06-11T09:00:00Z");
        assertEquals(2, outboxRows(TOPIC, freelancer), "day 76 of the new period");
        at("2025-06-18T09:00:00Z");
        assertEquals(3, outboxRows(TOPIC, freelancer), "day 83 of the new period");
        timers.processDue();
        assertEquals(3, outboxRows(TOPIC, freelancer));

        List<JsonNode> notices = events(TOPIC, freelancer, 3);
        assertEquals("2025-03-27T09:00:00Z", notices.get(1).get("inactiveSince").asText());
        assertEquals("2025-06-25T09:00:00Z", notices.get(2).get("autoCloseAt").asText());
        assertEquals(List.of(76, 76, 83), notices.stream().map(n -> n.get("noticeDay").asInt()).toList());
        at("2025-06-25T09:00:00Z");
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ENDED"));
    }

    @Test
    void aContractHoldingNoFundsGetsNoNoticeAsItIsNeverClosedForDormancy() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-01-06T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000);
        at("2025-04-10T09:00:00Z");
        assertEquals(0, outboxRows(TOPIC, freelancer));
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ACTIVE"));
    }
}
