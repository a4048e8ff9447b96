package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.readOne;
import static dev.jobsuccess.feedback.Api.reply;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.count;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The legacy perk's profile effect (domain.md §d.3.8): score-service's accepted JSS_AND_PROFILE decision hides the
 * client's end-of-contract public rating and comment from the profile and from every view but the author's and the
 * platform's, for good; JSS_ONLY and refused requests change nothing; a decision that comes before the client's feedback
 * applies when it is written.
 */
@QuarkusTest
class ProfileRemovalTest {

    static final Instant ENDED_AT = Instant.parse("2025-04-07T10:00:00Z");
    static final Instant NEXT_DAY = ENDED_AT.plus(Duration.ofDays(1));

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(NEXT_DAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String anyone() {
        return bearer(newUser("c"), "CLIENT");
    }

    private static String revealBoth(Contract k) {
        String id = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201);
        return id;
    }

    @Test
    void anAcceptedProfileRemovalHidesTheClientsPublicFeedbackForGood() {
        Contract k = closedContract(ENDED_AT);
        String id = revealBoth(k);
        reply(freelancer(k), k.id(), id, "Thanks").statusCode(201);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(1));

        var decision = RemovalDecisions.decision(k, "JSS_AND_PROFILE", true, "2025-04-09T08:00:00Z");
        RemovalDecisions.sendAndAwait(decision);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(0));
        readOne(freelancer(k), k.id(), id).statusCode(200).body("public", nullValue()).body("reply", nullValue())
                .body("removedFromProfileAt", equalTo("2025-04-09T08:00:00Z")).body("visibleOnProfile", equalTo(false));
        given().header("Authorization", freelancer(k)).get("/feedback").then().statusCode(200)
                .body("feedback.find { it.feedbackId == '" + id + "' }.public", nullValue());
        // Its author and the platform still see what was written; the private part is untouched.
        readOne(client(k), k.id(), id).statusCode(200).body("public.comment", equalTo("Great work"))
                .body("private.note", equalTo("would hire again"));
        readOne(Api.platform(), k.id(), id).statusCode(200).body("public.comment", equalTo("Great work"))
                .body("reply.text", equalTo("Thanks"));

        // Redelivered, and a refund then a bonus later: it stays off the profile.
        RemovalDecisions.sendAndAwait(decision.deepCopy().put("eventId", java.util.UUID.randomUUID().toString()));
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 0, Instant.parse("2025-04-10T00:00:00Z")));
        EarningsAdjustments.sendAndAwait(EarningsAdjustments.adjustment(k, 90_000, Instant.parse("2025-04-11T00:00:00Z")));
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(0));
        readOne(freelancer(k), k.id(), id).statusCode(200).body("removedFromProfileAt", equalTo("2025-04-09T08:00:00Z"));
    }

    @Test
    void jssOnlyAndRefusedRequestsLeaveTheProfileAsItIs() {
        Contract k = closedContract(ENDED_AT);
        String id = revealBoth(k);
        RemovalDecisions.sendAndAwait(RemovalDecisions.decision(k, "JSS_ONLY", true, "2025-04-09T08:00:00Z"));
        RemovalDecisions.sendAndAwait(RemovalDecisions.decision(k, "JSS_AND_PROFILE", false, "2025-04-09T09:00:00Z"));
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(1)).body("items[0].feedbackId", equalTo(id));
        readOne(freelancer(k), k.id(), id).statusCode(200).body("public.comment", equalTo("Great work"))
                .body("removedFromProfileAt", nullValue());
        assertEquals(0, count("SELECT count(*) FROM profile_removal WHERE contract_id = ?1", k.id()));
    }

    @Test
    void aDecisionBeforeTheClientsFeedbackAppliesWhenItIsWritten() {
        Contract k = closedContract(ENDED_AT);
        RemovalDecisions.sendAndAwait(RemovalDecisions.decision(k, "JSS_AND_PROFILE", true, "2025-04-07T12:00:00Z"));
        String id = revealBoth(k);
        profile(anyone(), k.freelancerId(), "").statusCode(200).body("total", equalTo(0));
        readOne(freelancer(k), k.id(), id).statusCode(200).body("public", nullValue())
                .body("removedFromProfileAt", equalTo(NEXT_DAY.toString())).body("revealCause", equalTo("BOTH_SUBMITTED"));
        readOne(client(k), k.id(), id).statusCode(200).body("public", notNullValue());
        // The freelancer's feedback on the client is not what the perk removes.
        given().header("Authorization", client(k)).get("/feedback").then().statusCode(200)
                .body("feedback[0].removedFromProfileAt", nullValue()).body("feedback[0].public", notNullValue());
    }
}
