package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.CLIENT_PRIVATE_ONLY;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * §d.2 rule 4 and the profile view: revealed public feedback shows on the freelancer's profile only while the
 * contract's net earnings are at least $1; a refund to $0 hides it, a bonus shows it again.
 */
@QuarkusTest
class ProfileVisibilityTest {

    static final Instant ENDED_AT = Instant.parse("2025-06-20T12:00:00Z");

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(ENDED_AT.plusSeconds(86_400));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Both parties submit, so both feedbacks are revealed now. */
    private static String revealBoth(Contract k) {
        String id = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        return id;
    }

    private static String anyone() {
        return bearer(newUser("c"), "CLIENT");
    }

    @Test
    void aFullRefundHidesTheFeedbackAndALaterBonusShowsItAgainTheLatestAdjustmentWinning() {
        Contract k = closedContract(ENDED_AT);
        String feedbackId = revealBoth(k);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(1))
                .body("items[0].feedbackId", equalTo(feedbackId)).body("items[0].public.comment", equalTo("Great work"));

        // A refund to $0 on 06-22, then $1,000 after a resolved dispute on 06-30.
        ObjectNode refund = EarningsAdjustments.adjustment(k, 0, Instant.parse("2025-06-22T09:00:00Z"));
        ObjectNode bonus = EarningsAdjustments.adjustment(k, 100_000, Instant.parse("2025-06-30T23:59:59Z"));
        EarningsAdjustments.sendAndAwait(refund);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(0)).body("items", empty());
        read(client(k), k.id()).body("feedback.visibleOnProfile", contains(false, false));

        EarningsAdjustments.sendAndAwait(bonus);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(1));
        assertEquals(100_000L, EarningsAdjustments.netEarnings(k.id()));

        // An older adjustment arriving late changes nothing; neither does a redelivery.
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 0, Instant.parse("2025-06-25T00:00:00Z")));
        EarningsAdjustments.send(refund);
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 100_000, Instant.parse("2025-06-30T23:59:59Z")));
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(1));
        assertEquals(100_000L, EarningsAdjustments.netEarnings(k.id()));
    }

    @Test
    void aContractThatPaidLessThanOneDollarRevealsFeedbackButKeepsItOffTheProfile() {
        String freelancerId = newUser("f");
        Contract unpaid = closedContract(newUser("c"), freelancerId, ENDED_AT, 0);
        Contract ninetyNine = closedContract(newUser("c"), freelancerId, ENDED_AT, 99);
        Contract oneDollar = closedContract(newUser("c"), freelancerId, ENDED_AT, 100);
        for (Contract k : List.of(unpaid, ninetyNine, oneDollar)) {
            revealBoth(k);
        }
        read(freelancer(unpaid), unpaid.id()).body("feedback.revealCause", contains("BOTH_SUBMITTED", "BOTH_SUBMITTED"))
                .body("feedback.visibleOnProfile", contains(false, false));
        assertFalse(Events.await("feedback-revealed", freelancerId, unpaid.id(), 2).getFirst().get("visibleOnProfile").asBoolean());
        profile(anyone(), freelancerId, "").statusCode(200).body("total", equalTo(1))
                .body("items.contractId", contains(oneDollar.id()));

        // A bonus of $1 on the unpaid contract puts it on the profile.
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(unpaid, 100, Instant.parse("2025-07-01T00:00:00Z")));
        profile(anyone(), freelancerId, "").statusCode(200).body("total", equalTo(2));
    }

    @Test
    void feedbackWithoutAPublicPartHasNothingToShowOnTheProfile() {
        Contract k = closedContract(ENDED_AT);
        submit(client(k), k.id(), CLIENT_PRIVATE_ONLY).statusCode(201);
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        read(client(k), k.id()).body("feedback.revealCause", contains("BOTH_SUBMITTED", "BOTH_SUBMITTED"));
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAdjustmentThatOvertakesItsCloseIsKept() {
        String client = newUser("c");
        String freelancer = newUser("f");
        ObjectNode close = ClosedContracts.endedAt(client, freelancer, ENDED_AT);
        ClosedContracts.withNetEarnings(close, 50_000);
        String contractId = close.get("contractId").asText();
        ObjectNode refund = EarningsAdjustments.example(0, contractId, client, freelancer);
        refund.put("netEarningsCents", 0);
        refund.put("occurredAt", ENDED_AT.plusSeconds(3_600).toString());
        EarningsAdjustments.sendAndAwait(refund);
        assertEquals(0L, EarningsAdjustments.netEarnings(contractId));

        ClosedContracts.sendAndAwaitWindow(close);
        assertEquals(0L, EarningsAdjustments.netEarnings(contractId), "the close's $500 is older than the refund");
        Contract k = new Contract(contractId, client, freelancer, ClosedContracts.closesAt(ENDED_AT));
        revealBoth(k);
        profile(anyone(), freelancer, "").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theProfileIsNewestFirstAndPaginated() {
        String freelancerId = newUser("f");
        Contract first = closedContract(newUser("c"), freelancerId, ENDED_AT, 50_000);
        Contract second = closedContract(newUser("c"), freelancerId, ENDED_AT, 50_000);
        Contract third = closedContract(newUser("c"), freelancerId, ENDED_AT, 50_000);
        Instant t = ENDED_AT.plusSeconds(3_600);
        for (Contract k : List.of(second, third, first)) {
            t = t.plusSeconds(3_600);
            clock.pin(t);
            revealBoth(k);
        }
        String auth = bearer(freelancerId, "FREELANCER");
        profile(auth, freelancerId, "").statusCode(200).body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.contractId", contains(first.id(), third.id(), second.id()));
        profile(auth, freelancerId, "page=0&size=2").statusCode(200).body("total", equalTo(3))
                .body("items.contractId", contains(first.id(), third.id()));
        profile(auth, freelancerId, "page=1&size=2").statusCode(200).body("total", equalTo(3))
                .body("items.contractId", contains(second.id()));
        profile(auth, freelancerId, "page=2&size=2").statusCode(200).body("total", equalTo(3)).body("items", empty());
        profile(auth, newUser("f"), "").statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));

        record Bad(String query, String field) {}
        for (Bad b : List.of(new Bad("page=-1", "page"), new Bad("page=abc", "page"), new Bad("page=1.5", "page"),
                new Bad("size=0", "size"), new Bad("size=101", "size"), new Bad("size=ten", "size"))) {
            profile(auth, freelancerId, b.query()).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(b.field()));
        }
        profile(null, freelancerId, "").statusCode(401);
    }
}
