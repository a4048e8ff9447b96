package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.facts.ClosedContract;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.FeedbackReveal;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.facts.OpenContractPayment;
import dev.jobsuccess.score.facts.StartedContract;
import dev.jobsuccess.score.scoring.ScoreService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The what-if's END_CONTRACT and DISPUTE_OUTCOME (seeds 002 and 004: "what if I end this open contract now?", "what if the
 * client wins the dispute?"), each expected value worked out by hand from domain.md §d.3.
 */
@QuarkusTest
class WhatIfEndAndDisputeTest {

    static final LocalDate TODAY = LocalDate.parse("2025-07-01");

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @BeforeEach
    void pinClock() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Seed 002's freelancer: 7 closed $500 contracts with 7 clients, each rated 10 and 5.0, and two open ones. */
    record Seed002(String freelancerId, String fixedPrice, String hourly, String closed) {}

    Seed002 seed002() {
        String f = TestEvents.newId("f");
        List<IncomingFact> facts = new ArrayList<>();
        String closed = null;
        for (int i = 0; i < 7; i++) {
            closed = "k" + i + "-" + UUID.randomUUID();
            LocalDate ended = LocalDate.parse("2025-01-10").plusDays(20L * i);
            facts.addAll(Seed.ratedContract(f, closed, TestEvents.newId("c"), ended.minusDays(20), ended, 50000, 10,
                    new BigDecimal("5.00")));
        }
        // The fixed-price contract the freelancer asks about: started, nothing released yet (its escrow is not a score fact).
        String fixedPrice = "open-fp-" + UUID.randomUUID();
        facts.add(Seed.fact(new StartedContract(fixedPrice, f, TestEvents.newId("c"), "FIXED_PRICE", null,
                Seed.noon(LocalDate.parse("2025-06-01")), Seed.noon(LocalDate.parse("2025-06-01")))));
        // An hourly one, $300 billed so far.
        String hourly = "open-h-" + UUID.randomUUID();
        String hourlyClient = TestEvents.newId("c");
        facts.add(Seed.fact(new StartedContract(hourly, f, hourlyClient, "HOURLY", null,
                Seed.noon(LocalDate.parse("2025-06-02")), Seed.noon(LocalDate.parse("2025-06-02")))));
        facts.add(Seed.fact(new OpenContractPayment(hourly, f, hourlyClient, ContractStatus.ACTIVE,
                Seed.noon(LocalDate.parse("2025-06-02")), 30000, List.of(Seed.noon(LocalDate.parse("2025-06-23"))),
                Seed.noon(LocalDate.parse("2025-06-23")).plusSeconds(1), null)));
        scores.applyBatch(facts);
        return new Seed002(f, fixedPrice, hourly, closed);
    }

    ValidatableResponse whatIf(String freelancer, String caller, String role, String changes) {
        return whatIfAt(freelancer, caller, role, null, changes);
    }

    ValidatableResponse whatIfAt(String freelancer, String caller, String role, String asOf, String changes) {
        String body = "{" + (asOf == null ? "" : "\"asOf\":\"" + asOf + "\",") + "\"changes\":[" + changes + "]}";
        return given().header("Authorization", bearer(caller, role)).contentType(ContentType.JSON).body(body)
                .post("/freelancers/{id}/what-if", freelancer).then();
    }

    static String end(String contractId, String endedBy, String reason, String payment, String more) {
        return "{\"type\":\"END_CONTRACT\",\"contractId\":\"" + contractId + "\",\"endedBy\":\"" + endedBy + "\",\"endReason\":\""
                + reason + "\",\"payment\":\"" + payment + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static String dispute(String contractId, String outcome, String more) {
        return "{\"type\":\"DISPUTE_OUTCOME\",\"contractId\":\"" + contractId + "\",\"outcome\":\"" + outcome + "\""
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static String contract(String id) {
        return "contracts.find { it.contractId == '" + id + "' }";
    }

    @Test
    void endingAnOpenContractWithNothingPaidCountsOnlyWhenTheOutcomeIsNegative() {
        // Seed 002/004 (EX-4's rule): 7 successes of $500, 5 q each → 35/35 = 100. The fixed-price contract ends with $0 paid
        // and its $500 escrow back to the client.
        Seed002 s = seed002();
        String f = s.freelancerId();
        long changesBefore = Db.scoreChangedRows(f);
        // No private feedback: EXCLUDED_NO_FEEDBACK, no change.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "NONE", "\"escrowCents\":50000"))
                .statusCode(200).body("before.jss", equalTo(100)).body("determined", equalTo(true))
                .body("after.jss", equalTo(100)).body("difference.jss", equalTo(0)).body("after.asOf", equalTo("2025-07-01"))
                .body(contract(s.fixedPrice()) + ".inclusion", equalTo("EXCLUDED_NO_FEEDBACK"))
                .body(contract(s.fixedPrice()) + ".changed", equalTo(true))
                .body("summary", equalTo("The score would be 100."));
        // Positive private feedback at $0: EXCLUDED_ZERO_EARNINGS, no change.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "NONE",
                "\"escrowCents\":50000,\"privateRecommend\":10"))
                .statusCode(200).body("after.jss", equalTo(100))
                .body(contract(s.fixedPrice()) + ".inclusion", equalTo("EXCLUDED_ZERO_EARNINGS"));
        // Negative private feedback (3) at $0: counted NEGATIVE, 4 q → 35/39 = 89.7 → 89, SOLID.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "NONE",
                "\"escrowCents\":50000,\"privateRecommend\":3"))
                .statusCode(200).body("determined", equalTo(true)).body("after.jss", equalTo(89))
                .body("after.band", equalTo("SOLID")).body("difference.jss", equalTo(-11)).body("difference.W24", equalTo(-11))
                .body(contract(s.fixedPrice()) + ".inclusion", equalTo("COUNTED"))
                .body(contract(s.fixedPrice()) + ".outcome", equalTo("NEGATIVE"))
                .body(contract(s.fixedPrice()) + ".weightQ", equalTo(4));
        // The client's capping reason alone makes it NEGATIVE (§d.3.2 reason_class): 89.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "JOB_COMPLETED_UNSUCCESSFULLY", "NONE", ""))
                .statusCode(200).body("after.jss", equalTo(89));
        // The freelancer ends it: the escrow goes back, their reason is no score input, no feedback → 100.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "FREELANCER", "CLIENT_NOT_RESPONSIVE", "NONE", "\"escrowCents\":50000"))
                .statusCode(200).body("after.jss", equalTo(100))
                .body(contract(s.fixedPrice()) + ".inclusion", equalTo("EXCLUDED_NO_FEEDBACK"));
        // Nothing stored or announced.
        assertEquals(changesBefore, Db.scoreChangedRows(f));
        given().header("Authorization", bearer(f, "FREELANCER")).get("/freelancers/{id}/score", f).then().body("jss", equalTo(100));
    }

    @Test
    void theMoneyAtTheEndSetsTheWeightAndTheEscrowRulesHold() {
        Seed002 s = seed002();
        String f = s.freelancerId();
        // The client releases $300 of $500 and rates 7 (NEUTRAL): $300 is 5 q → 35/40 = 87.5 → 87.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "PART",
                "\"paymentCents\":30000,\"escrowCents\":50000,\"privateRecommend\":7"))
                .statusCode(200).body("after.jss", equalTo(87))
                .body(contract(s.fixedPrice()) + ".outcome", equalTo("NEUTRAL"))
                .body(contract(s.fixedPrice()) + ".weightQ", equalTo(5));
        // All $1,200 of escrow released, rated 2 (NEGATIVE): over $1,000 is 6 q → 35/41 = 85.4 → 85.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "JOB_COMPLETED_SUCCESSFULLY", "FULL",
                "\"escrowCents\":120000,\"privateRecommend\":2,\"publicOverall\":2.5"))
                .statusCode(200).body("after.jss", equalTo(85)).body(contract(s.fixedPrice()) + ".weightQ", equalTo(6));
        // The hourly contract's last invoice of $100 is billed at the end: $400 in all, 5 q, rated 10 → 40/40 = 100.
        whatIf(f, f, "FREELANCER", end(s.hourly(), "FREELANCER", "JOB_COMPLETED_SUCCESSFULLY", "PART",
                "\"paymentCents\":10000,\"privateRecommend\":10"))
                .statusCode(200).body("after.jss", equalTo(100))
                .body(contract(s.hourly()) + ".inclusion", equalTo("COUNTED"))
                .body(contract(s.hourly()) + ".outcome", equalTo("SUCCESS"))
                .body(contract(s.hourly()) + ".weightQ", equalTo(5));
        // Ended later, looked at then: on 2025-08-01 a NEGATIVE $0 contract weighs 4 q as today → 89 (W24; W6 alike).
        whatIfAt(f, f, "FREELANCER", "2025-08-01", end(s.fixedPrice(), "CLIENT", "FREELANCER_UNRESPONSIVE", "NONE", ""))
                .statusCode(200).body("after.asOf", equalTo("2025-08-01")).body("after.jss", equalTo(89));
        // A freelancer who ends a fixed-price contract cannot release escrow: it goes back to the client.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "FREELANCER", "OTHER", "PART", "\"paymentCents\":100,\"escrowCents\":50000"))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("changes[0].payment"));
        whatIf(f, f, "FREELANCER", end(s.hourly(), "CLIENT", "OTHER", "FULL", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].payment"));
        whatIf(f, f, "FREELANCER", end(s.hourly(), "CLIENT", "OTHER", "NONE", "\"escrowCents\":100"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].escrowCents"));
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "OTHER", "PART", "\"paymentCents\":50000,\"escrowCents\":50000"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].paymentCents"));
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "OTHER", "PART", "\"escrowCents\":50000"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].paymentCents"));
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "OTHER", "FULL", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].escrowCents"));
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "OTHER", "NONE", "\"escrowCents\":-1"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].escrowCents"));
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "OTHER", "FULL", "\"escrowCents\":1000000000001"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].escrowCents"));
    }

    @Test
    void anEndThatBreaksARuleIsRefusedNamingTheField() {
        Seed002 s = seed002();
        String f = s.freelancerId();
        String fp = s.fixedPrice();
        whatIf(f, f, "FREELANCER", end("nope", "CLIENT", "OTHER", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contractId"));
        // Not open: one of the seven closed ones, or one an earlier change ended.
        whatIf(f, f, "FREELANCER", end(s.closed(), "CLIENT", "OTHER", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contractId"));
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "OTHER", "NONE", "") + "," + end(fp, "CLIENT", "OTHER", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].contractId"));
        // Who may choose which reason (domain.md §d.1.1); the system is no party to a what-if.
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "CLIENT_NOT_RESPONSIVE", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endReason"));
        whatIf(f, f, "FREELANCER", end(fp, "FREELANCER", "FREELANCER_LACKED_SKILLS", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endReason"));
        whatIf(f, f, "FREELANCER", end(fp, "SYSTEM", "DORMANT_AUTO_CLOSED", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endedBy"));
        whatIf(f, f, "FREELANCER", end(fp, "BOSS", "OTHER", "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endedBy"));
        whatIf(f, f, "FREELANCER", "{\"type\":\"END_CONTRACT\",\"contractId\":\"" + fp + "\",\"endedBy\":\"CLIENT\",\"payment\":\"NONE\"}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endReason"));
        whatIf(f, f, "FREELANCER", "{\"type\":\"END_CONTRACT\",\"contractId\":\"" + fp + "\",\"endedBy\":\"CLIENT\",\"endReason\":\"OTHER\"}")
                .statusCode(400).body("errors[0].field", equalTo("changes[0].payment"));
        // Ratings out of bounds.
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "OTHER", "NONE", "\"privateRecommend\":11"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].privateRecommend"));
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "OTHER", "NONE", "\"publicOverall\":5.5"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].publicOverall"));
        // The end date: from today to the date looked at.
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "OTHER", "NONE", "\"endedAt\":\"2025-06-30\""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endedAt"));
        whatIfAt(f, f, "FREELANCER", "2025-08-01", end(fp, "CLIENT", "OTHER", "NONE", "\"endedAt\":\"2025-08-02\""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].endedAt"));
        // Not disputed: no dispute in its facts, or its escrow went back (a freelancer's end) or was all released.
        whatIf(f, f, "FREELANCER", dispute(fp, "CLIENT_WON", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contractId"));
        whatIf(f, f, "FREELANCER", dispute(s.closed(), "CLIENT_WON", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].contractId"));
        whatIf(f, f, "FREELANCER", end(fp, "FREELANCER", "OTHER", "NONE", "\"escrowCents\":50000") + "," + dispute(fp, "CLIENT_WON", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].contractId"));
        whatIf(f, f, "FREELANCER", end(fp, "CLIENT", "OTHER", "FULL", "\"escrowCents\":50000") + "," + dispute(fp, "CLIENT_WON", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].contractId"));
        String clientKeeps = end(fp, "CLIENT", "OTHER", "NONE", "\"escrowCents\":50000") + ",";
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(fp, "NONE", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].outcome"));
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(fp, "SPLIT", ""))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].freelancerShareCents"));
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(fp, "SPLIT", "\"freelancerShareCents\":50000"))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].freelancerShareCents"));
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(fp, "CLIENT_WON", "\"freelancerShareCents\":100"))
                .statusCode(400).body("errors[0].field", equalTo("changes[1].freelancerShareCents"));
    }

    @Test
    void whatIfTheClientWinsTheDisputeOverTheEscrowTheyKept() {
        // The client ends with $500 in escrow and pays nothing; the freelancer disputes the refund request.
        Seed002 s = seed002();
        String f = s.freelancerId();
        String clientKeeps = end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "NONE", "\"escrowCents\":50000") + ",";
        // Client wins: $0 and dispute class NEGATIVE → counted, 4 q → 35/39 → 89.
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(s.fixedPrice(), "CLIENT_WON", ""))
                .statusCode(200).body("after.jss", equalTo(89))
                .body(contract(s.fixedPrice()) + ".outcome", equalTo("NEGATIVE"))
                .body(contract(s.fixedPrice()) + ".weightQ", equalTo(4));
        // Split, $300 to the freelancer: NEUTRAL, 5 q → 35/40 → 87.
        whatIf(f, f, "FREELANCER", clientKeeps + dispute(s.fixedPrice(), "SPLIT", "\"freelancerShareCents\":30000"))
                .statusCode(200).body("after.jss", equalTo(87))
                .body(contract(s.fixedPrice()) + ".outcome", equalTo("NEUTRAL"))
                .body(contract(s.fixedPrice()) + ".weightQ", equalTo(5));
        // Freelancer wins: all $500 released, no class of its own; with the client's private 9 it is a 5 q success → 100.
        whatIf(f, f, "FREELANCER", end(s.fixedPrice(), "CLIENT", "NO_LONGER_NEEDED", "NONE",
                "\"escrowCents\":50000,\"privateRecommend\":9") + "," + dispute(s.fixedPrice(), "FREELANCER_WON", ""))
                .statusCode(200).body("after.jss", equalTo(100))
                .body(contract(s.fixedPrice()) + ".outcome", equalTo("SUCCESS"))
                .body(contract(s.fixedPrice()) + ".weightQ", equalTo(5));
        // Several changes in one question: the hourly contract ends too, rated 4 (NEGATIVE, $300, 5 q), and the client
        // wins the fixed-price dispute (4 q NEGATIVE): 35/44 = 79.5 → 79, AT_RISK.
        whatIf(f, f, "FREELANCER", clientKeeps + end(s.hourly(), "CLIENT", "OTHER", "NONE", "\"privateRecommend\":4") + ","
                + dispute(s.fixedPrice(), "CLIENT_WON", ""))
                .statusCode(200).body("after.jss", equalTo(79)).body("after.band", equalTo("AT_RISK"))
                .body("difference.jss", equalTo(-21));
    }

    @Test
    void reDecidingARecordedDisputeGivesTheFreelancerARangeWherePrivateFeedbackDecides() {
        // A and B: $500, rated 10 (no public rating). D: $500, rated 10, its dispute SPLIT (NEUTRAL, the worst of its
        // classes). 5 q each: 10/15 → 66. The freelancer cannot see the ratings: 66 says two successes and one non-success, and D's
        // SPLIT makes D the non-success, so A and B are successes; D's own private class stays unknown.
        String f = TestEvents.newId("f");
        List<IncomingFact> facts = new ArrayList<>();
        facts.addAll(Seed.ratedContract(f, "A-" + UUID.randomUUID(), TestEvents.newId("c"), LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-04-01"), 50000, 10, null));
        facts.addAll(Seed.ratedContract(f, "B-" + UUID.randomUUID(), TestEvents.newId("c"), LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-04-15"), 50000, 10, null));
        String d = "D-" + UUID.randomUUID();
        String dClient = TestEvents.newId("c");
        LocalDate dEnded = LocalDate.parse("2025-05-01");
        facts.add(Seed.fact(new ClosedContract(d, f, dClient, Seed.noon(LocalDate.parse("2025-03-01")), Seed.noon(dEnded), 50000,
                List.of(Seed.noon(dEnded)), EndReason.JOB_COMPLETED_SUCCESSFULLY, EndedBy.CLIENT, DisputeOutcome.SPLIT,
                Seed.noon(dEnded), null, null)));
        facts.add(Seed.fact(Seed.feedback("fb-" + d, d, f, dClient, 10, null, dEnded)));
        facts.add(Seed.fact(new FeedbackReveal("fb-" + d, d, f, dClient, Seed.noon(dEnded.plusDays(2)), "BOTH_SUBMITTED")));
        scores.applyBatch(facts);
        // "What if I had won?": D is SUCCESS if its client rated 9 or more, else NEUTRAL or NEGATIVE: 100 or 66.
        whatIf(f, f, "FREELANCER", dispute(d, "FREELANCER_WON", ""))
                .statusCode(200).body("before.jss", equalTo(66)).body("determined", equalTo(false)).body("after", nullValue())
                .body("range.min", equalTo(66)).body("range.max", equalTo(100)).body("possibleAfter.jss", contains(66, 100))
                .body("summary", equalTo("The score would be between 66 and 100: it depends on your clients' private "
                        + "feedback, which you can't see."))
                .body(contract(d) + ".privateFeedbackDecides", equalTo(true));
        // PLATFORM knows the 10: 100.
        whatIf(f, "ops", "PLATFORM", dispute(d, "FREELANCER_WON", ""))
                .statusCode(200).body("determined", equalTo(true)).body("after.jss", equalTo(100));
        // "What if the client had won?": NEGATIVE whatever was said privately → 10/15 → 66, and shown.
        whatIf(f, f, "FREELANCER", dispute(d, "CLIENT_WON", ""))
                .statusCode(200).body("determined", equalTo(true)).body("after.jss", equalTo(66))
                .body(contract(d) + ".outcome", equalTo("NEGATIVE"));
        // The amount disputed is no fact the score-service has.
        whatIf(f, f, "FREELANCER", dispute(d, "SPLIT", "\"freelancerShareCents\":100"))
                .statusCode(400).body("errors[0].field", equalTo("changes[0].freelancerShareCents"));
    }
}
