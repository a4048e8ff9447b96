package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.activeHourly;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.end;
import static dev.jobsuccess.contract.Api.freelancer;
import static dev.jobsuccess.contract.Api.fund;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.milestones;
import static dev.jobsuccess.contract.Api.offerFixed;
import static dev.jobsuccess.contract.Api.platform;
import static dev.jobsuccess.contract.Api.problem;
import static dev.jobsuccess.contract.Api.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.test.junit.QuarkusTest;

/** Every transition's illegal neighbours are refused with a 409 whose code names the state problem, and change nothing. */
@QuarkusTest
class IllegalTransitionsTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ContractTimers timers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String path(String action) {
        return "/contracts/{id}/milestones/{mid}/" + action;
    }

    @Test
    void milestoneCommandsOutOfOrder() {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000, 50000);
        List<String> m = milestones(c, id);
        String m1 = m.get(0);

        problem(freelancer(f).post(path("submit"), id, m1), 409, "MILESTONE_NOT_FUNDED");
        problem(client(c).post(path("approve"), id, m1), 409, "MILESTONE_NOT_FUNDED");
        problem(client(c).body("{\"amountCents\":100}").post(path("release"), id, m1), 409, "MILESTONE_NOT_FUNDED");
        problem(client(c).post(path("request-changes"), id, m1), 409, "MILESTONE_NOT_FUNDED");
        assertEquals(List.of(), ledger(c, id));

        fund(c, id, m1);
        problem(client(c).post(path("fund"), id, m1), 409, "MILESTONE_ALREADY_FUNDED");
        problem(client(c).post(path("request-changes"), id, m1), 409, "MILESTONE_NOT_SUBMITTED");
        problem(client(c).body("{\"amountCents\":50001}").post(path("release"), id, m1), 409, "RELEASE_EXCEEDS_ESCROW");

        freelancer(f).post(path("submit"), id, m1).then().statusCode(200);
        problem(freelancer(f).post(path("submit"), id, m1), 409, "MILESTONE_ALREADY_SUBMITTED");
        client(c).post(path("request-changes"), id, m1).then().statusCode(200);
        problem(client(c).post(path("request-changes"), id, m1), 409, "MILESTONE_NOT_SUBMITTED");
        freelancer(f).post(path("submit"), id, m1).then().statusCode(200);
        client(c).post(path("approve"), id, m1).then().statusCode(200);

        problem(client(c).post(path("approve"), id, m1), 409, "MILESTONE_RELEASED");
        problem(client(c).post(path("fund"), id, m1), 409, "MILESTONE_RELEASED");
        problem(freelancer(f).post(path("submit"), id, m1), 409, "MILESTONE_RELEASED");
        problem(client(c).post(path("request-changes"), id, m1), 409, "MILESTONE_RELEASED");
        problem(client(c).body("{\"amountCents\":1}").post(path("release"), id, m1), 409, "MILESTONE_RELEASED");
        assertEquals(3, ledger(c, id).size(), "deposit, release, fee: nothing from the refusals");
    }

    @Test
    void requestingChangesAfterTheReviewPeriodIsTooLate() {
        clock.pin(Instant.parse("2025-08-01T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m1 = milestones(c, id).getFirst();
        fund(c, id, m1);
        freelancer(f).post(path("submit"), id, m1).then().statusCode(200);
        clock.pin(Instant.parse("2025-08-15T09:00:00Z"));
        // The command first applies the auto-approval that fell due: the work is already paid.
        problem(client(c).post(path("request-changes"), id, m1), 409, "MILESTONE_RELEASED");
    }

    @Test
    void commandsOnOffersPausedAndEndedContracts() {
        String c = user("c");
        String f = user("f");
        String offer = offerFixed(c, f, 50000);
        String om = milestones(c, offer).getFirst();
        problem(client(c).post(path("fund"), offer, om), 409, "CONTRACT_NOT_STARTED");
        problem(end(client(c), offer, "{\"endReasonCode\":\"OTHER\"}"), 409, "CONTRACT_NOT_STARTED");
        problem(client(c).post("/contracts/{id}/pause", offer), 409, "CONTRACT_NOT_STARTED");
        problem(client(c).body("{\"amountCents\":1000}").post("/contracts/{id}/bonus", offer), 409, "CONTRACT_NOT_STARTED");

        String id = activeFixed(c, f, 50000, 50000);
        List<String> m = milestones(c, id);
        problem(freelancer(f).post("/contracts/{id}/accept", id), 409, "OFFER_NOT_PENDING");
        problem(freelancer(f).post("/contracts/{id}/decline", id), 409, "OFFER_NOT_PENDING");
        problem(client(c).post("/contracts/{id}/withdraw", id), 409, "OFFER_NOT_PENDING");
        fund(c, id, m.get(0));
        client(c).post("/contracts/{id}/pause", id).then().statusCode(200);
        problem(freelancer(f).post(path("submit"), id, m.get(0)), 409, "CONTRACT_PAUSED");
        client(c).post("/contracts/{id}/restart", id).then().statusCode(200);

        end(client(c), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"REQUEST_REFUND\"}").then().statusCode(200);
        problem(client(c).post(path("fund"), id, m.get(1)), 409, "CONTRACT_ENDED");
        problem(client(c).post(path("approve"), id, m.get(0)), 409, "CONTRACT_ENDED");
        problem(freelancer(f).post(path("submit"), id, m.get(0)), 409, "CONTRACT_ENDED");
        problem(client(c).body("{\"description\":\"x\",\"amountCents\":600}").post("/contracts/{id}/milestones", id), 409, "CONTRACT_ENDED");
        problem(client(c).post("/contracts/{id}/withdraw", id), 409, "CONTRACT_ENDED");
        problem(end(client(c), id, "{\"endReasonCode\":\"OTHER\"}"), 409, "CONTRACT_ENDED");
    }

    @Test
    void refundRequestAndDisputeCommandsOutOfOrder() {
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m1 = milestones(c, id).getFirst();
        problem(freelancer(f).post("/contracts/{id}/escrow-refund-request/approve", id), 409, "NO_REFUND_REQUEST");
        problem(platform().body("{\"clientPaid\":false,\"freelancerPaid\":false}").post("/contracts/{id}/arbitration", id),
                409, "NO_ARBITRATION_OFFERED");
        fund(c, id, m1);
        end(client(c), id, "{\"endReasonCode\":\"NO_LONGER_NEEDED\",\"escrowAction\":\"REQUEST_REFUND\"}").then().statusCode(200);
        String did = freelancer(f).post("/contracts/{id}/escrow-refund-request/dispute", id).then().statusCode(200)
                .extract().path("disputeId");
        problem(freelancer(f).post("/contracts/{id}/escrow-refund-request/approve", id), 409, "REFUND_REQUEST_NOT_PENDING");
        problem(freelancer(f).post("/contracts/{id}/escrow-refund-request/dispute", id), 409, "REFUND_REQUEST_NOT_PENDING");
        problem(platform().body("{\"agreed\":true,\"freelancerCents\":100}").post("/contracts/{id}/disputes/{did}/mediation", id, did),
                409, "DISPUTE_NOT_IN_MEDIATION");
        problem(platform().body("{\"clientPaid\":true,\"freelancerPaid\":false}").post("/contracts/{id}/arbitration", id),
                409, "NO_ARBITRATION_OFFERED");
        client(c).post("/contracts/{id}/disputes/{did}/reject", id, did).then().statusCode(200);
        problem(client(c).post("/contracts/{id}/disputes/{did}/accept", id, did), 409, "DISPUTE_NOT_AWAITING_CLIENT");
        problem(client(c).post("/contracts/{id}/disputes/{did}/reject", id, did), 409, "DISPUTE_NOT_AWAITING_CLIENT");
        platform().body("{\"agreed\":true,\"freelancerCents\":50001}").post("/contracts/{id}/disputes/{did}/mediation", id, did)
                .then().statusCode(400);
        platform().body("{\"agreed\":false}").post("/contracts/{id}/disputes/{did}/mediation", id, did).then().statusCode(200);
        problem(platform().body("{\"agreed\":false}").post("/contracts/{id}/disputes/{did}/mediation", id, did), 409, "DISPUTE_NOT_IN_MEDIATION");
        platform().body("{\"clientPaid\":true,\"freelancerPaid\":true}").post("/contracts/{id}/arbitration", id).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("freelancerAwardCents"));
        platform().body("{\"clientPaid\":false,\"freelancerPaid\":true}").post("/contracts/{id}/arbitration", id).then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("FREELANCER_WON"));
        problem(platform().body("{\"clientPaid\":false,\"freelancerPaid\":true}").post("/contracts/{id}/arbitration", id),
                409, "NO_ARBITRATION_OFFERED");
    }

    @Test
    void hourlyCommandsOutOfOrderAndOnTheWrongKindOfContract() {
        clock.pin(Instant.parse("2025-06-02T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        String hourly = activeHourly(c, f, 5000, 600);
        String fixed = activeFixed(c, f, 50000);
        String fm = milestones(c, fixed).getFirst();
        problem(client(c).post(path("fund"), hourly, fm), 409, "NOT_FIXED_PRICE");
        problem(freelancer(f).body("{\"minutes\":60}").post("/contracts/{id}/hourly/time-entries", fixed), 409, "NOT_HOURLY");
        problem(client(c).body("{\"weeklyLimitMinutes\":60}").put("/contracts/{id}/hourly/weekly-limit", fixed), 409, "NOT_HOURLY");
        problem(client(c).body("{\"description\":\"x\",\"amountCents\":600}").post("/contracts/{id}/milestones", hourly), 409, "NOT_FIXED_PRICE");

        freelancer(f).body("{\"minutes\":600}").post("/contracts/{id}/hourly/time-entries", hourly).then().statusCode(201);
        problem(freelancer(f).body("{\"minutes\":900}").post("/contracts/{id}/hourly/time-entries", hourly), 400, "INVALID_REQUEST");
        clock.pin(Instant.parse("2025-06-09T12:00:00Z"));
        timers.processDue();
        String iid = client(c).get("/contracts/{id}/invoices", hourly).then().statusCode(200).extract().path("[0].invoiceId");
        problem(freelancer(f).post("/contracts/{id}/invoices/{iid}/dispute/accept", hourly, iid), 409, "INVOICE_NOT_DISPUTED");
        problem(platform().body("{\"refundCents\":0}").post("/contracts/{id}/invoices/{iid}/dispute/decision", hourly, iid),
                409, "DISPUTE_NOT_UNDER_REVIEW");
        problem(client(c).body("{\"disputedCents\":50001}").post("/contracts/{id}/invoices/{iid}/dispute", hourly, iid), 400, "INVALID_REQUEST");
        client(c).body("{}").post("/contracts/{id}/invoices/{iid}/dispute", hourly, iid).then().statusCode(200);
        problem(client(c).body("{}").post("/contracts/{id}/invoices/{iid}/dispute", hourly, iid), 409, "INVOICE_NOT_IN_REVIEW");
        freelancer(f).post("/contracts/{id}/invoices/{iid}/dispute/contest", hourly, iid).then().statusCode(200);
        problem(freelancer(f).post("/contracts/{id}/invoices/{iid}/dispute/contest", hourly, iid), 409, "INVOICE_NOT_DISPUTED");
        platform().body("{\"refundCents\":50001}").post("/contracts/{id}/invoices/{iid}/dispute/decision", hourly, iid).then().statusCode(400);
        platform().body("{\"refundCents\":0}").post("/contracts/{id}/invoices/{iid}/dispute/decision", hourly, iid).then().statusCode(200)
                .body("disputeOutcome", org.hamcrest.Matchers.equalTo("FREELANCER_WON"));
        problem(client(c).body("{}").post("/contracts/{id}/invoices/{iid}/dispute", hourly, iid), 409, "INVOICE_NOT_IN_REVIEW");
    }

    @Test
    void refundsCannotExceedWhatWasPaidRecentlyAndCleared() {
        clock.pin(Instant.parse("2025-01-06T09:00:00Z"));
        String c = user("c");
        String f = user("f");
        String id = activeFixed(c, f, 50000);
        String m1 = milestones(c, id).getFirst();
        problem(freelancer(f).body("{\"amountCents\":1}").post("/contracts/{id}/refund", id), 409, "REFUND_EXCEEDS_REFUNDABLE");
        fund(c, id, m1);
        client(c).post(path("approve"), id, m1).then().statusCode(200);
        // Still in the 5-day security hold: nothing is available to refund from.
        problem(freelancer(f).body("{\"amountCents\":1}").post("/contracts/{id}/refund", id), 409, "REFUND_EXCEEDS_REFUNDABLE");
        clock.pin(Instant.parse("2025-01-11T09:00:00Z"));
        freelancer(f).body("{\"amountCents\":10000}").post("/contracts/{id}/refund", id).then().statusCode(200)
                .body("refundableCents", org.hamcrest.Matchers.equalTo(40000));
        clock.pin(Instant.parse("2025-07-05T09:00:01Z"));
        problem(freelancer(f).body("{\"amountCents\":1}").post("/contracts/{id}/refund", id), 409, "REFUND_EXCEEDS_REFUNDABLE");
    }
}
