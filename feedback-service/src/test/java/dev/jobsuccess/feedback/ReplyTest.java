package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.CLIENT_PRIVATE_ONLY;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.client;
import static dev.jobsuccess.feedback.Api.freelancer;
import static dev.jobsuccess.feedback.Api.profile;
import static dev.jobsuccess.feedback.Api.read;
import static dev.jobsuccess.feedback.Api.readOne;
import static dev.jobsuccess.feedback.Api.reply;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.api.SubmitFeedbackRequest;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;

/** The recipient's one public reply to revealed feedback (PUB S18): once, within 28 days of the reveal, shown with it. */
@QuarkusTest
class ReplyTest {

    static final Instant ENDED_AT = Instant.parse("2025-03-03T10:00:00Z");
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

    @Test
    void theRecipientRepliesOnceAndTheReplyIsShownWhereverThePublicFeedbackIs() {
        Contract k = closedContract(ENDED_AT);
        String clientFeedback = submit(client(k), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");
        // Before the reveal the freelancer does not know it exists.
        reply(freelancer(k), k.id(), clientFeedback, "Thank you").statusCode(404);
        String freelancerFeedback = submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201).extract().path("feedbackId");

        reply(freelancer(k), k.id(), clientFeedback, "Thank you!\nIt was a pleasure.").statusCode(201)
                .body("feedbackId", equalTo(clientFeedback)).body("reply.text", equalTo("Thank you!\nIt was a pleasure."))
                .body("reply.repliedAt", equalTo(NEXT_DAY.toString()));
        reply(freelancer(k), k.id(), clientFeedback, "Changed my mind").statusCode(409).body("code", equalTo("ALREADY_REPLIED"));
        reply(client(k), k.id(), clientFeedback, "Me too").statusCode(403).body("code", equalTo("NOT_RECIPIENT"));
        reply(bearer(newUser("f"), "FREELANCER"), k.id(), clientFeedback, "Hi").statusCode(404);
        reply(Api.platform(), k.id(), clientFeedback, "Hi").statusCode(403);
        // The client answers the freelancer's feedback the same way.
        reply(client(k), k.id(), freelancerFeedback, "Thanks").statusCode(201).body("reply.text", equalTo("Thanks"));

        String byClient = "feedback.find { it.feedbackId == '" + clientFeedback + "' }";
        read(client(k), k.id()).statusCode(200).body(byClient + ".reply.text", equalTo("Thank you!\nIt was a pleasure."));
        readOne(bearer(newUser("c"), "CLIENT"), k.id(), clientFeedback).statusCode(404);
        readOne(freelancer(k), k.id(), clientFeedback).statusCode(200).body("reply.text", equalTo("Thank you!\nIt was a pleasure."));
        given().header("Authorization", freelancer(k)).get("/feedback").then().statusCode(200)
                .body(byClient + ".reply.text", equalTo("Thank you!\nIt was a pleasure."));
        profile(bearer(newUser("c"), "CLIENT"), k.freelancerId(), "").statusCode(200)
                .body("items[0].feedbackId", equalTo(clientFeedback))
                .body("items[0].reply.text", equalTo("Thank you!\nIt was a pleasure."));
    }

    @Test
    void aReplyNeedsTextAPublicPartAndTheReplyWindow() {
        Contract k = closedContract(ENDED_AT);
        String privateOnly = submit(client(k), k.id(), CLIENT_PRIVATE_ONLY).statusCode(201).extract().path("feedbackId");
        String freelancerFeedback = submit(freelancer(k), k.id(), FREELANCER_FULL).statusCode(201).extract().path("feedbackId");

        reply(freelancer(k), k.id(), privateOnly, "Hm").statusCode(409).body("code", equalTo("NO_PUBLIC_PART"));
        reply(client(k), k.id(), freelancerFeedback, "   ").statusCode(400).body("errors[0].field", equalTo("text"));
        reply(client(k), k.id(), freelancerFeedback, "x".repeat(SubmitFeedbackRequest.MAX_TEXT + 1))
                .statusCode(400).body("errors[0].field", equalTo("text"));
        clock.pin(NEXT_DAY.plus(Duration.ofDays(28)).plusMillis(1));
        reply(client(k), k.id(), freelancerFeedback, "Late").statusCode(409).body("code", equalTo("REPLY_WINDOW_CLOSED"));
        read(client(k), k.id()).statusCode(200)
                .body("feedback.find { it.feedbackId == '" + freelancerFeedback + "' }.reply", nullValue());
        clock.pin(NEXT_DAY.plus(Duration.ofDays(28)));
        reply(client(k), k.id(), freelancerFeedback, "Just in time").statusCode(201);
    }
}
