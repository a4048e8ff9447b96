package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.balance;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.events;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestone;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.outboxRows;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.problem;
import static dev.jobsuccess.contract.Api.user;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** domain.md EX-9 and the fixed-price money flows, through the REST API with the clock moved. */
@QuarkusTest
class FixedPriceFlowTest {

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

    /** EX-9 up to the client's end: M1 auto-approved, M2 funded, the client ends with "Pay nothing". */
    private record Ex9(String client, String freelancer, String id, List<String> m) {}

    private Ex9 ex9UntilClientEnds() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-06-01T00:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000, 50000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        at("2025-06-02T10:00:00Z");
        freelancer(freelancer).post("/contracts/{id}/milestones/{mid}/submit", id, m.get(0)).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("reviewDeadline", equalTo("2025-06-16T10:00:00Z"));

        at("2025-06-16T09:59:59Z");
        assertEquals("SUBMITTED", milestone(client, id, m.get(0)).get("status"), "one second before the deadline nothing happens");
        at("2025-06-16T10:00:00Z");
        var m1 = milestone(client, id, m.get(0));
        assertEquals("RELEASED", m1.get("status"));
        assertEquals(true, m1.get("autoApproved"));

        at("2025-06-17T00:00:00Z");
        fund(client, id, m.get(1));
        at("2025-06-20T12:00:00Z");
        end(client(client), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"REQUEST_REFUND\"}")
                .then().statusCode(200).body("status", equalTo("ENDED")).body("endedBy", equalTo("CLIENT"))
                .body("feedbackWindowClosesAt", equalTo("2025-07-04T23:59:59.999Z"));
        return new Ex9(client, freelancer, id, m);
    }

    @Test
    void ex9AutoApprovalThenPayNothingAndTheFreelancersSilenceRefundsTheEscrow() {
        Ex9 x = ex9UntilClientEnds();
        client(x.client()).get("/contracts/{id}/escrow-refund-request", x.id()).then().statusCode(200)
                .body("amountCents", equalTo(50000)).body("status", equalTo("PENDING"))
                .body("responseDeadline", equalTo("2025-06-27T12:00:00Z"));
        assertEquals("REFUND_REQUESTED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));
        assertEquals("CANCELLED", milestone(x.client(), x.id(), x.m().get(2)).get("status"), "M3 was never funded");

        JsonNode closed = events("contract-closed", x.freelancer(), 1).getFirst();
        assertEquals(x.id(), closed.get("contractId").asText());
        assertEquals("NO_LONGER_NEEDED", closed.get("endReasonCode").asText());
        assertEquals(50000, closed.at("/money/grossReleasedCents").asLong());
        assertEquals(50000, closed.at("/money/netEarningsCents").asLong());
        assertEquals(50000, closed.at("/money/escrowRefundPendingCents").asLong());
        assertEquals("2025-06-16T10:00:00Z", closed.at("/paymentInstants/0").asText());
        assertEquals(1, closed.get("paymentInstants").size());
        assertEquals("2025-06-01T00:00:00Z", closed.get("startedAt").asText());
        assertEquals("NONE", closed.get("disputeOutcome").asText());

        at("2025-06-21T10:00:00Z");
        at("2025-06-27T11:59:59Z");
        client(x.client()).get("/contracts/{id}/escrow-refund-request", x.id()).then().body("status", equalTo("PENDING"));
        at("2025-06-27T12:00:00Z");
        client(x.client()).get("/contracts/{id}/escrow-refund-request", x.id()).then().body("status", equalTo("TIMED_OUT"));
        assertEquals("REFUNDED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));

        assertEquals(List.of(
                "ESCROW_DEPOSIT 50000@2025-06-01T00:00:00Z",
                "ESCROW_RELEASE 50000@2025-06-16T10:00:00Z",
                "SERVICE_FEE 5000@2025-06-16T10:00:00Z",
                "ESCROW_DEPOSIT 50000@2025-06-17T00:00:00Z",
                "SECURITY_CLEARED 45000@2025-06-21T10:00:00Z",
                "ESCROW_REFUND 50000@2025-06-27T12:00:00Z"), ledger(x.client(), x.id()));
        JsonPath b = balance(x.client(), x.id());
        assertEquals(0, b.getLong("escrowCents"));
        assertEquals(50000, b.getLong("netEarningsCents"));
        assertEquals(45000, b.getLong("freelancerAvailableCents"));
        assertEquals(0, b.getLong("freelancerPendingCents"));
        assertEquals(5000, b.getLong("platformFeesCents"));
        assertEquals(50000, b.getLong("clientPaidCents"), "money in (100 000 deposited − 50 000 refunded) = money out");
        assertEquals(0, b.getLong("escrowRefundPendingCents"));
        assertEquals(0, outboxRows("contract-earnings-adjusted", x.freelancer()), "refunding escrow changes no net earnings");
    }

    @Test
    void ex9VariantAFullRefundAfterPaymentTakesNetEarningsToZeroAndIsPublished() {
        Ex9 x = ex9UntilClientEnds();
        at("2025-06-21T10:00:00Z");
        at("2025-06-22T09:00:00Z");
        JsonPath before = balance(x.client(), x.id());
        assertEquals(50000, before.getLong("refundableCents"));
        problem(freelancer(x.freelancer()).body("{\"amountCents\":50001}").post("/contracts/{id}/refund", x.id()),
                409, "REFUND_EXCEEDS_REFUNDABLE");
        freelancer(x.freelancer()).body("{\"amountCents\":50000}").post("/contracts/{id}/refund", x.id()).then().statusCode(200)
                .body("netEarningsCents", equalTo(0)).body("refundedCents", equalTo(50000))
                .body("freelancerAvailableCents", equalTo(0)).body("platformFeesCents", equalTo(0));
        List<String> entries = ledger(x.client(), x.id());
        assertEquals(List.of("POST_RELEASE_REFUND 50000@2025-06-22T09:00:00Z", "SERVICE_FEE_REVERSAL 5000@2025-06-22T09:00:00Z"),
                entries.subList(entries.size() - 2, entries.size()));

        JsonNode adjusted = events("contract-earnings-adjusted", x.freelancer(), 1).getFirst();
        assertEquals(x.id(), adjusted.get("contractId").asText());
        assertEquals(0, adjusted.get("netEarningsCents").asLong());
        assertEquals(-50000, adjusted.get("deltaCents").asLong());
        assertEquals("POST_RELEASE_REFUND", adjusted.get("cause").asText());
        assertEquals(x.client(), adjusted.get("clientId").asText());
        assertEquals("2025-06-22T09:00:00Z", adjusted.get("occurredAt").asText());
    }

    @Test
    void ex9VariantBTheFreelancerDisputesAndTheClientsSilenceReleasesAfterFiveBusinessDays() {
        Ex9 x = ex9UntilClientEnds();
        at("2025-06-23T09:00:00Z"); // Monday
        String did = freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", x.id())
                .then().statusCode(200).body("status", equalTo("AWAITING_CLIENT"))
                .body("clientResponseDeadline", equalTo("2025-06-30T23:59:59Z")).body("amountCents", equalTo(50000))
                .extract().path("disputeId");
        assertEquals("DISPUTED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));
        at("2025-06-27T12:00:00Z");
        client(x.client()).get("/contracts/{id}/escrow-refund-request", x.id()).then().body("status", equalTo("DISPUTED"));
        at("2025-06-30T23:59:58Z");
        client(x.client()).get("/contracts/{id}/disputes/{did}", x.id(), did).then().body("status", equalTo("AWAITING_CLIENT"));
        at("2025-06-30T23:59:59Z");
        client(x.client()).get("/contracts/{id}/disputes/{did}", x.id(), did).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("CLIENT_SILENT"))
                .body("outcome", equalTo("FREELANCER_WON")).body("releasedCents", equalTo(50000));
        assertEquals("RELEASED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));
        JsonPath b = balance(x.client(), x.id());
        assertEquals(100000, b.getLong("netEarningsCents"));
        assertEquals(0, b.getLong("escrowCents"));
        client(x.client()).get("/contracts/{id}", x.id()).then().body("disputeOutcome", equalTo("FREELANCER_WON"));

        JsonNode adjusted = events("contract-earnings-adjusted", x.freelancer(), 1).getFirst();
        assertEquals("ESCROW_REFUND_RESOLVED", adjusted.get("cause").asText());
        assertEquals(50000, adjusted.get("deltaCents").asLong());
        assertEquals(100000, adjusted.get("netEarningsCents").asLong());
        assertEquals("FREELANCER_WON", adjusted.get("disputeOutcome").asText());
        assertEquals("2025-06-30T23:59:59Z", adjusted.at("/paymentInstants/1").asText());
    }

    @Test
    void aRejectedDisputeGoesToMediationThenArbitrationWhoseAwardSplitsTheEscrow() {
        Ex9 x = ex9UntilClientEnds();
        at("2025-06-23T09:00:00Z");
        String did = freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", x.id())
                .then().statusCode(200).extract().path("disputeId");
        at("2025-06-24T09:00:00Z");
        client(x.client()).post("/contracts/{id}/disputes/{did}/reject", x.id(), did).then().statusCode(200)
                .body("status", equalTo("IN_MEDIATION")).body("mediationDeadline", equalTo("2025-07-24T09:00:00Z"));
        at("2025-07-01T09:00:00Z");
        platform().body("{\"agreed\":false}").post("/contracts/{id}/disputes/{did}/mediation", x.id(), did).then().statusCode(200)
                .body("status", equalTo("ARBITRATION_OFFERED")).body("arbitrationDeadline", equalTo("2025-07-08T09:00:00Z"));
        assertEquals("ARBITRATION_OFFERED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));
        at("2025-07-05T09:00:00Z");
        platform().body("{\"clientPaid\":true,\"freelancerPaid\":true,\"freelancerAwardCents\":20000}")
                .post("/contracts/{id}/arbitration", x.id()).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("ARBITRATION_AWARD"))
                .body("outcome", equalTo("SPLIT")).body("releasedCents", equalTo(20000)).body("refundedCents", equalTo(30000));
        assertEquals("ARBITRATED", milestone(x.client(), x.id(), x.m().get(1)).get("status"));
        List<String> entries = ledger(x.client(), x.id());
        assertEquals(List.of("ESCROW_RELEASE 20000@2025-07-05T09:00:00Z", "SERVICE_FEE 2000@2025-07-05T09:00:00Z",
                "ESCROW_REFUND 30000@2025-07-05T09:00:00Z"), entries.subList(entries.size() - 3, entries.size()));
        assertEquals(70000, balance(x.client(), x.id()).getLong("netEarningsCents"));

        JsonNode adjusted = events("contract-earnings-adjusted", x.freelancer(), 1).getFirst();
        assertEquals("ARBITRATION", adjusted.get("cause").asText());
        assertEquals(20000, adjusted.get("deltaCents").asLong());
        assertEquals("SPLIT", adjusted.get("disputeOutcome").asText());
    }

    @Test
    void mediationThatLapsesOffersArbitrationAndArbitrationNobodyPaysForGoesToTheClient() {
        Ex9 x = ex9UntilClientEnds();
        at("2025-06-23T09:00:00Z");
        String did = freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", x.id())
                .then().statusCode(200).extract().path("disputeId");
        client(x.client()).post("/contracts/{id}/disputes/{did}/reject", x.id(), did).then().statusCode(200);
        at("2025-07-23T08:59:59Z");
        client(x.client()).get("/contracts/{id}/disputes/{did}", x.id(), did).then().body("status", equalTo("IN_MEDIATION"));
        at("2025-07-23T09:00:00Z");
        client(x.client()).get("/contracts/{id}/disputes/{did}", x.id(), did).then().body("status", equalTo("ARBITRATION_OFFERED"))
                .body("arbitrationDeadline", equalTo("2025-07-30T09:00:00Z"));
        at("2025-07-30T09:00:00Z");
        client(x.client()).get("/contracts/{id}/disputes/{did}", x.id(), did).then().body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("ARBITRATION_NEITHER_PAID")).body("outcome", equalTo("CLIENT_WON"))
                .body("refundedCents", equalTo(50000));
        JsonPath b = balance(x.client(), x.id());
        assertEquals(50000, b.getLong("netEarningsCents"));
        assertEquals(0, b.getLong("escrowCents"));
        JsonNode adjusted = events("contract-earnings-adjusted", x.freelancer(), 1).getFirst();
        assertEquals("ARBITRATION", adjusted.get("cause").asText());
        assertEquals(0, adjusted.get("deltaCents").asLong(), "only the dispute outcome changed");
        assertEquals("CLIENT_WON", adjusted.get("disputeOutcome").asText());
    }

    /** EX-9 on to arbitration: the freelancer disputes, the client rejects, mediation fails on 2025-07-01. */
    private void untilArbitrationOffered(Ex9 x) {
        at("2025-06-23T09:00:00Z");
        String did = freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", x.id())
                .then().statusCode(200).extract().path("disputeId");
        client(x.client()).post("/contracts/{id}/disputes/{did}/reject", x.id(), did).then().statusCode(200);
        at("2025-07-01T09:00:00Z");
        platform().body("{\"agreed\":false}").post("/contracts/{id}/disputes/{did}/mediation", x.id(), did).then().statusCode(200)
                .body("status", equalTo("ARBITRATION_OFFERED"));
    }

    /** The ARBITRATION_FEE entries as "debit -> credit amount@effectiveAt". */
    private static List<String> arbitrationFees(Ex9 x) {
        List<Map<String, Object>> entries = client(x.client()).get("/contracts/{id}/ledger", x.id()).then().statusCode(200)
                .extract().jsonPath().getList("entries");
        return entries.stream().filter(e -> "ARBITRATION_FEE".equals(e.get("entryType")))
                .map(e -> e.get("debitAccount") + " -> " + e.get("creditAccount") + " " + e.get("amountCents") + "@" + e.get("effectiveAt"))
                .toList();
    }

    @Test
    void eachPayingPartysArbitrationFeeGoesToPlatformArbitrationOnceAndNeverChangesNetEarnings() {
        Ex9 x = ex9UntilClientEnds();
        untilArbitrationOffered(x);
        at("2025-07-05T09:00:00Z");
        String key = "arbitration-" + x.id();
        String body = "{\"clientPaid\":true,\"freelancerPaid\":true,\"freelancerAwardCents\":20000}";
        String operator = user("ops");
        Api.as(operator, "PLATFORM").header("Idempotency-Key", key).body(body).post("/contracts/{id}/arbitration", x.id()).then()
                .statusCode(200)
                .body("resolution", equalTo("ARBITRATION_AWARD")).body("clientPaidArbitration", equalTo(true))
                .body("freelancerPaidArbitration", equalTo(true));
        List<String> fees = List.of(
                "client:" + x.client() + ":funding -> platform:arbitration 29100@2025-07-05T09:00:00Z",
                "fl:" + x.freelancer() + ":funding -> platform:arbitration 29100@2025-07-05T09:00:00Z");
        assertEquals(fees, arbitrationFees(x), "each party pays from its own funding account");

        int entries = ledger(x.client(), x.id()).size();
        Api.as(operator, "PLATFORM").header("Idempotency-Key", key).body(body).post("/contracts/{id}/arbitration", x.id()).then()
                .statusCode(200).header("Idempotent-Replayed", "true");
        problem(platform().body(body).post("/contracts/{id}/arbitration", x.id()), 409, "NO_ARBITRATION_OFFERED");
        at("2025-07-10T09:00:00Z");
        assertEquals(fees, arbitrationFees(x), "a retry or a later timer pass posts no fee again");
        assertEquals(entries + 1, ledger(x.client(), x.id()).size(), "only the award's security hold cleared since");

        JsonPath b = balance(x.client(), x.id());
        assertEquals(70000, b.getLong("netEarningsCents"), "50 000 released before and the 20 000 award; the fees count not");
        assertEquals(58200, b.getLong("accounts.'platform:arbitration'"));
        assertEquals(100000 - 30000 + 29100, b.getLong("clientPaidCents"));
        assertEquals(45000 + 18000, b.getLong("freelancerAvailableCents"), "the freelancer's fee leaves their earnings whole");
        assertEquals(-29100, b.getLong("accounts.'fl:" + x.freelancer() + ":funding'"));
        Map<String, Long> accounts = b.getMap("accounts", String.class, Long.class);
        assertEquals(0, accounts.values().stream().mapToLong(Long::longValue).sum(), "Σ debits = Σ credits");

        JsonNode adjusted = events("contract-earnings-adjusted", x.freelancer(), 1).getFirst();
        assertEquals(20000, adjusted.get("deltaCents").asLong());
        assertEquals(70000, adjusted.get("netEarningsCents").asLong());
        assertEquals("[{\"at\":\"2025-06-16T10:00:00Z\",\"amountCents\":50000},{\"at\":\"2025-07-05T09:00:00Z\",\"amountCents\":20000}]",
                adjusted.get("earnings").toString());
        assertEquals(1, outboxRows("contract-earnings-adjusted", x.freelancer()));
    }

    @Test
    void onlyThePartiesWhoPaidPayAFeeAndALapsedArbitrationOfferChargesNone() {
        Ex9 x = ex9UntilClientEnds();
        untilArbitrationOffered(x);
        at("2025-07-05T09:00:00Z");
        platform().body("{\"clientPaid\":false,\"freelancerPaid\":true}").post("/contracts/{id}/arbitration", x.id())
                .then().statusCode(200).body("resolution", equalTo("ARBITRATION_FREELANCER_ONLY_PAID"));
        assertEquals(List.of("fl:" + x.freelancer() + ":funding -> platform:arbitration 29100@2025-07-05T09:00:00Z"),
                arbitrationFees(x));
        assertEquals(100000, balance(x.client(), x.id()).getLong("netEarningsCents"));

        Ex9 y = ex9UntilClientEnds();
        untilArbitrationOffered(y);
        at("2025-07-05T09:00:00Z");
        platform().body("{\"clientPaid\":true,\"freelancerPaid\":false}").post("/contracts/{id}/arbitration", y.id())
                .then().statusCode(200).body("resolution", equalTo("ARBITRATION_CLIENT_ONLY_PAID"));
        assertEquals(List.of("client:" + y.client() + ":funding -> platform:arbitration 29100@2025-07-05T09:00:00Z"),
                arbitrationFees(y));
        assertEquals(50000, balance(y.client(), y.id()).getLong("netEarningsCents"));

        Ex9 z = ex9UntilClientEnds();
        untilArbitrationOffered(z);
        at("2025-07-08T09:00:00Z");
        at("2025-07-09T09:00:00Z");
        client(z.client()).get("/contracts/{id}/disputes", z.id()).then().body("[0].resolution", equalTo("ARBITRATION_NEITHER_PAID"));
        assertEquals(List.of(), arbitrationFees(z), "nobody paid, nobody is charged");
    }

    @Test
    void theClientAcceptsTheDisputeOrMediationAgreesASplit() {
        Ex9 x = ex9UntilClientEnds();
        String did = freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", x.id())
                .then().statusCode(200).extract().path("disputeId");
        client(x.client()).post("/contracts/{id}/disputes/{did}/accept", x.id(), did).then().statusCode(200)
                .body("resolution", equalTo("CLIENT_ACCEPTED")).body("outcome", equalTo("FREELANCER_WON"));
        assertEquals("ESCROW_RELEASE", events("contract-earnings-adjusted", x.freelancer(), 1).getFirst().get("cause").asText());

        Ex9 y = ex9UntilClientEnds();
        String did2 = freelancer(y.freelancer()).post("/contracts/{id}/escrow-refund-request/dispute", y.id())
                .then().statusCode(200).extract().path("disputeId");
        client(y.client()).post("/contracts/{id}/disputes/{did}/reject", y.id(), did2).then().statusCode(200);
        platform().body("{\"agreed\":true,\"freelancerCents\":25000}").post("/contracts/{id}/disputes/{did}/mediation", y.id(), did2)
                .then().statusCode(200).body("resolution", equalTo("MEDIATED")).body("outcome", equalTo("SPLIT"));
        assertEquals("RESOLVED", milestone(y.client(), y.id(), y.m().get(1)).get("status"));
        assertEquals(75000, balance(y.client(), y.id()).getLong("netEarningsCents"));
        assertEquals("ESCROW_REFUND_RESOLVED", events("contract-earnings-adjusted", y.freelancer(), 1).getFirst().get("cause").asText());
    }

    @Test
    void theFreelancerApprovesTheRefundRequest() {
        Ex9 x = ex9UntilClientEnds();
        at("2025-06-24T09:00:00Z");
        freelancer(x.freelancer()).post("/contracts/{id}/escrow-refund-request/approve", x.id()).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("respondedAt", equalTo("2025-06-24T09:00:00Z"));
        List<String> entries = ledger(x.client(), x.id());
        assertEquals("ESCROW_REFUND 50000@2025-06-24T09:00:00Z", entries.getLast());
        assertEquals(0, balance(x.client(), x.id()).getLong("escrowCents"));
    }

    @Test
    void releasingLessRollsTheRestForwardAndALeftoverRollsIntoTheNextMilestoneAdded() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-03-03T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        client(client).body("{\"amountCents\":30000}").post("/contracts/{id}/milestones/{mid}/release", id, m.get(0))
                .then().statusCode(200).body("status", equalTo("PARTIALLY_RELEASED")).body("releasedCents", equalTo(30000))
                .body("rolledOutCents", equalTo(20000)).body("escrowCents", equalTo(0));
        var m2 = milestone(client, id, m.get(1));
        assertEquals("CREATED", m2.get("status"));
        assertEquals(20000, m2.get("rolledInCents"));
        assertEquals(20000, m2.get("escrowCents"));
        client(client).post("/contracts/{id}/milestones/{mid}/fund", id, m.get(1)).then().statusCode(200)
                .body("status", equalTo("FUNDED")).body("fundedCents", equalTo(50000));
        client(client).post("/contracts/{id}/milestones/{mid}/approve", id, m.get(1)).then().statusCode(200)
                .body("status", equalTo("RELEASED")).body("releasedCents", equalTo(50000));
        assertEquals(List.of("ESCROW_DEPOSIT 50000@2025-03-03T09:00:00Z", "ESCROW_RELEASE 30000@2025-03-03T09:00:00Z",
                "SERVICE_FEE 3000@2025-03-03T09:00:00Z", "ESCROW_DEPOSIT 30000@2025-03-03T09:00:00Z",
                "ESCROW_RELEASE 50000@2025-03-03T09:00:00Z", "SERVICE_FEE 5000@2025-03-03T09:00:00Z"), ledger(client, id));

        // The last milestone released in part keeps its remainder until a new milestone is added.
        client(client).body("{\"description\":\"extra\",\"amountCents\":40000}").post("/contracts/{id}/milestones", id)
                .then().statusCode(201);
        String m3 = milestones(client, id).get(2);
        fund(client, id, m3);
        client(client).body("{\"amountCents\":10000}").post("/contracts/{id}/milestones/{mid}/release", id, m3)
                .then().statusCode(200).body("status", equalTo("PARTIALLY_RELEASED")).body("escrowCents", equalTo(30000));
        String m4 = client(client).body("{\"description\":\"more\",\"amountCents\":20000}").post("/contracts/{id}/milestones", id)
                .then().statusCode(201).body("status", equalTo("FUNDED")).body("rolledInCents", equalTo(30000))
                .extract().path("milestoneId");
        client(client).post("/contracts/{id}/milestones/{mid}/approve", id, m4).then().statusCode(200)
                .body("releasedCents", equalTo(20000)).body("escrowCents", equalTo(10000));
        assertEquals(10000, balance(client, id).getLong("escrowCents"), "roll-in beyond the amount stays in escrow");
    }

    @Test
    void aClientPayingPartOfTheEscrowAtTheEndAsksTheRestBack() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-04-01T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        fund(client, id, m.get(1));
        problem(end(client(client), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\"}"), 400, "INVALID_REQUEST");
        end(client(client), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\"}").then().body("errors.field", org.hamcrest.Matchers.contains("escrowAction"));
        problem(end(client(client), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"PAY_AMOUNT\",\"payAmountCents\":100001}"),
                409, "PAY_AMOUNT_EXCEEDS_ESCROW");
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\",\"escrowAction\":\"PAY_AMOUNT\",\"payAmountCents\":30000}")
                .then().statusCode(200).body("status", equalTo("ENDED"));
        client(client).get("/contracts/{id}/escrow-refund-request", id).then().body("amountCents", equalTo(70000));
        JsonNode closed = events("contract-closed", freelancer, 1).getFirst();
        assertEquals(30000, closed.at("/money/grossReleasedCents").asLong());
        assertEquals(70000, closed.at("/money/escrowRefundPendingCents").asLong());
        freelancer(freelancer).post("/contracts/{id}/escrow-refund-request/approve", id).then().statusCode(200);
        var m1 = milestone(client, id, m.get(0));
        assertEquals(30000, m1.get("releasedCents"));
        assertEquals(20000, m1.get("refundedCents"));
        assertEquals("REFUNDED", milestone(client, id, m.get(1)).get("status"));
        assertEquals(0, balance(client, id).getLong("escrowCents"));
    }

    @Test
    void aFreelancerWhoEndsReturnsAllEscrowAtOnce() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-04-01T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 70000);
        List<String> m = milestones(client, id);
        fund(client, id, m.get(0));
        freelancer(freelancer).post("/contracts/{id}/milestones/{mid}/submit", id, m.get(0)).then().statusCode(200);
        problem(end(freelancer(freelancer), id, "{\"endReasonCode\":\"OTHER\",\"escrowAction\":\"REQUEST_REFUND\"}"), 400, "INVALID_REQUEST");
        problem(end(freelancer(freelancer), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\"}"), 400, "INVALID_REQUEST");
        at("2025-04-02T09:00:00Z");
        end(freelancer(freelancer), id, "{\"endReasonCode\":\"CLIENT_NOT_RESPONSIVE\"}").then().statusCode(200)
                .body("endedBy", equalTo("FREELANCER"));
        assertEquals("REFUNDED", milestone(client, id, m.get(0)).get("status"));
        assertEquals("CANCELLED", milestone(client, id, m.get(1)).get("status"));
        assertEquals("ESCROW_REFUND 50000@2025-04-02T09:00:00Z", ledger(client, id).getLast());
        JsonNode closed = events("contract-closed", freelancer, 1).getFirst();
        assertEquals("FREELANCER", closed.get("endedBy").asText());
        assertEquals(0, closed.at("/money/netEarningsCents").asLong());
        assertEquals(0, closed.at("/money/escrowRefundPendingCents").asLong());
        problem(client(client).get("/contracts/{id}/escrow-refund-request", id), 404, "NOT_FOUND");
    }

    @Test
    void bonusesAfterTheEndArePublishedUpTo365Days() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-01-10T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000);
        String m = milestones(client, id).getFirst();
        fund(client, id, m);
        client(client).post("/contracts/{id}/milestones/{mid}/approve", id, m).then().statusCode(200);
        end(client(client), id, "{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").then().statusCode(200);
        at("2026-01-10T09:00:00Z");
        client(client).body("{\"amountCents\":10000}").post("/contracts/{id}/bonus", id).then().statusCode(200)
                .body("bonusCents", equalTo(10000)).body("netEarningsCents", equalTo(60000));
        at("2026-01-10T09:00:01Z");
        problem(client(client).body("{\"amountCents\":10000}").post("/contracts/{id}/bonus", id), 409, "BONUS_WINDOW_CLOSED");
        JsonNode adjusted = events("contract-earnings-adjusted", freelancer, 1).getFirst();
        assertEquals("BONUS", adjusted.get("cause").asText());
        assertEquals(10000, adjusted.get("deltaCents").asLong());
        assertEquals(60000, adjusted.get("netEarningsCents").asLong());
        List<String> entries = ledger(client, id);
        assertEquals(List.of("BONUS 10000@2026-01-10T09:00:00Z", "SERVICE_FEE 1000@2026-01-10T09:00:00Z"),
                entries.subList(entries.size() - 2, entries.size()));
    }

    @Test
    void aDormantFixedPriceContractHoldingFundsIsClosedByTheSystemAfter90Days() {
        String client = user("c");
        String freelancer = user("f");
        at("2025-02-03T09:00:00Z");
        String id = activeFixed(client, freelancer, 50000, 50000);
        List<String> m = milestones(client, id);
        at("2025-02-10T09:00:00Z");
        fund(client, id, m.get(0));
        at("2025-05-11T08:59:59Z");
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ACTIVE"));
        at("2025-05-11T09:00:00Z");
        client(client).get("/contracts/{id}", id).then().body("status", equalTo("ENDED")).body("endedBy", equalTo("SYSTEM"))
                .body("endReasonCode", equalTo("DORMANT_AUTO_CLOSED")).body("endedAt", equalTo("2025-05-11T09:00:00Z"));
        client(client).get("/contracts/{id}/escrow-refund-request", id).then().body("amountCents", equalTo(50000))
                .body("responseDeadline", equalTo("2025-05-18T09:00:00Z"));
        JsonNode closed = events("contract-closed", freelancer, 1).getFirst();
        assertEquals("SYSTEM", closed.get("endedBy").asText());
        assertEquals("DORMANT_AUTO_CLOSED", closed.get("endReasonCode").asText());
    }

    @Test
    void thePlatformEndsAContractForASuspension() {
        String client = user("c");
        String freelancer = user("f");
        String id = activeFixed(client, freelancer, 50000);
        problem(platform().body("{\"endReasonCode\":\"OTHER\"}").post("/contracts/{id}/end", id), 400, "INVALID_REQUEST");
        problem(platform().body("{\"endReasonCode\":\"DORMANT_AUTO_CLOSED\"}").post("/contracts/{id}/end", id), 400, "INVALID_REQUEST");
        platform().body("{\"endReasonCode\":\"CLIENT_SUSPENDED\"}").post("/contracts/{id}/end", id).then().statusCode(200)
                .body("endedBy", equalTo("SYSTEM")).body("endReasonCode", equalTo("CLIENT_SUSPENDED"));
        assertEquals("CLIENT_SUSPENDED", events("contract-closed", freelancer, 1).getFirst().get("endReasonCode").asText());
    }
}
