package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.time.AdjustableClock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScoreResourceTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFreelancerNobodyScoredHasNoScoreAndIsToldWhy() {
        clock.pin(Instant.parse("2025-07-01T12:00:00Z"));
        String freelancer = TestEvents.newId("f");
        for (String role : new String[] {"CLIENT", "FREELANCER", "PLATFORM"}) {
            given().header("Authorization", bearer(TestEvents.newId("u"), role)).get("/freelancers/{id}/score", freelancer)
                    .then().statusCode(200).contentType("application/json")
                    .body("freelancerId", equalTo(freelancer))
                    .body("jss", nullValue()).body("selectedWindow", nullValue()).body("band", nullValue())
                    .body("windows.W24", nullValue()).body("windows.W12", nullValue()).body("windows.W6", nullValue())
                    .body("windows.W3", nullValue()).body("windows.TRENDING", nullValue())
                    .body("asOf", equalTo("2025-07-01")).body("computedAt", nullValue())
                    .body("reason", equalTo("NO_CONTRACTS: no ended contract of this freelancer is known yet"))
                    // Every score says whose it is: this system's model, with its version (domain.md §d.7).
                    .body("model.version", equalTo("jss-model-1"))
                    .body("model.label", equalTo("Job Success's own model (jss-model-1) of a marketplace-style Job Success "
                            + "Score, computed from the work and feedback this system has recorded; not any marketplace's "
                            + "official score."));
        }
    }

    @Test
    void aScoreIsOnlyForSignedInCallers() {
        given().get("/freelancers/{id}/score", "f-1")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get("/freelancers/{id}/score", "f-1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** A verified token is remembered (commons' CachingJwtParser), but only as it was signed. */
    @Test
    void aForgedCopyOfARememberedTokenIsRefused() {
        String token = dev.jobsuccess.commons.testing.TestTokens.token(TestEvents.newId("u"), "CLIENT");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get("/freelancers/{id}/score", "f-1").then().statusCode(200);
        }
        // The same claims with another signature: not the remembered token.
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().header("Authorization", "Bearer " + forged).get("/freelancers/{id}/score", "f-1").then().statusCode(401);
    }
}
