package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Inputs at the edges of what the strict JSON lets through (dates 1970-01-01 and 2199-12-31, extreme numbers, odd
 * shapes) get an answer or a 4xx naming the field, never a 5xx.
 */
@QuarkusTest
class BadInputTest {

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

    static String contract(String id, String status, String startedAt, String endedAt, String more) {
        return "{\"contractId\":\"" + id + "\",\"clientId\":\"c-" + id + "\",\"status\":\"" + status + "\",\"startedAt\":\""
                + startedAt + "\"" + (endedAt == null ? "" : ",\"endedAt\":\"" + endedAt + "\"") + ",\"netEarningsCents\":50000"
                + more + "}";
    }

    static ValidatableResponse simulate(String body) {
        return given().header("Authorization", bearer(TestEvents.newId("u"), "CLIENT")).contentType(ContentType.JSON)
                .body(body).post("/simulations").then();
    }

    @ParameterizedTest(name = "asOf {0}")
    @CsvSource({"1970-01-01", "2199-12-31", "2025-07-01"})
    void theEngineAnswersForEveryDateARequestMayName(String asOf) {
        String dates = ",\"paymentDates\":[\"1970-01-01\",\"2199-12-31\"],\"privateRecommend\":10";
        simulate("{\"asOf\":\"" + asOf + "\",\"params\":{\"weighting\":\"LINEAR_DOLLARS\"},\"contracts\":["
                + contract("a", "ENDED", "1970-01-01", "2199-12-31", dates) + ","
                + contract("b", "ENDED", "1970-01-01", "1970-01-01", dates) + ","
                + contract("c", "ACTIVE", "1970-01-01", null, dates) + ","
                + contract("d", "ACTIVE", "2199-12-31", null, dates) + ","
                + contract("e", "PAUSED", "2025-01-01", null, dates) + "]}")
                .statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "contracts [null]              | {\"asOf\":\"2025-07-01\",\"contracts\":[null]}                                | contracts[0]",
            "contracts not a list          | {\"asOf\":\"2025-07-01\",\"contracts\":{}}                                    | contracts",
            "body a list                   | []                                                                            | body",
            "body null                     | null                                                                          | body",
            "params null                   | {\"asOf\":\"2025-07-01\",\"params\":{\"tierBoundsCents\":[null,5]},\"contracts\":[]} | params.tierBoundsCents",
            "huge tier bound               | {\"asOf\":\"2025-07-01\",\"params\":{\"tierBoundsCents\":[1,99999999999999999999]},\"contracts\":[]} | params.tierBoundsCents[1]",
            "huge minimum                  | {\"asOf\":\"2025-07-01\",\"params\":{\"minCountedContracts\":2147483648},\"contracts\":[]} | params.minCountedContracts",
    })
    void oddShapesAreA400NamingTheField(String what, String body, String field) {
        simulate(body).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void extremeNumbersAreRefusedOrAnswered() {
        String tiny = contract("a", "ENDED", "2025-01-01", "2025-02-01", ",\"publicOverall\":1E-999999999");
        simulate("{\"asOf\":\"2025-07-01\",\"contracts\":[" + tiny + "]}").statusCode(400)
                .body("errors[0].field", equalTo("contracts[0].publicOverall"));
        String huge = contract("a", "ENDED", "2025-01-01", "2025-02-01", ",\"publicOverall\":1E+999999999");
        simulate("{\"asOf\":\"2025-07-01\",\"contracts\":[" + huge + "]}").statusCode(400)
                .body("errors[0].field", equalTo("contracts[0].publicOverall"));
        String precise = contract("a", "ENDED", "2025-01-01", "2025-02-01", ",\"publicOverall\":4.4999999999999999999999999");
        simulate("{\"asOf\":\"2025-07-01\",\"contracts\":[" + precise + "]}").statusCode(200);
        String bigTiers = "{\"asOf\":\"2025-07-01\",\"params\":{\"tierBoundsCents\":[1,9223372036854775807]},\"contracts\":["
                + contract("a", "ENDED", "2025-01-01", "2025-02-01", ",\"privateRecommend\":10") + "]}";
        simulate(bigTiers).statusCode(200);
    }

    @Test
    void whatIfChangesAtTheEdges() {
        Seed.Story story = Seed.story(Seed.example("examples/ex02-seed003-law-of-averages.json"));
        scores.applyBatch(story.facts());
        String f = story.freelancerId();
        String j1 = story.contractIds().get("J1");
        String[][] refused = {
                {"{\"changes\":[{\"contractId\":\"" + j1 + "\"}]}", "changes[0]"},
                {"{\"changes\":[{\"type\":\"NEW_CONTRACT\"}]}", "changes[0].contract"},
                {"{\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":null}]}", "changes[0].contract"},
                {"{\"changes\":[{\"type\":\"REFUND\",\"netEarningsCents\":0}]}", "changes[0].contractId"},
                {"{\"changes\":[{\"type\":\"REFUND\",\"contractId\":\"" + j1 + "\",\"netEarningsCents\":-1}]}",
                        "changes[0].netEarningsCents"},
                {"{\"changes\":[{\"type\":\"PUBLIC_RATING\",\"contractId\":\"" + j1 + "\",\"publicOverall\":1E+999999999}]}",
                        "changes[0].publicOverall"},
                {"{\"changes\":[{\"type\":\"PRIVATE_RATING\",\"contractId\":\"" + j1 + "\",\"privateRecommend\":-1}]}",
                        "changes[0].privateRecommend"},
                {"{\"changes\":{}}", "changes"},
                {"{\"includeUnrevealedFeedback\":\"yes\"}", "includeUnrevealedFeedback"},
        };
        for (String[] r : refused) {
            given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON).body(r[0])
                    .post("/freelancers/{id}/what-if", f).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(r[1]));
        }
        // A new contract that starts or ends at the edges of the dates a request may name is answered.
        String far = contract("new-far", "ENDED", "1970-01-01", "2199-12-31",
                ",\"paymentDates\":[\"1970-01-01\",\"2199-12-31\"],\"privateRecommend\":10");
        String future = contract("new-future", "ACTIVE", "2199-12-31", null, "");
        given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2035-06-29\",\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":" + far + "},"
                        + "{\"type\":\"NEW_CONTRACT\",\"contract\":" + future + "}]}")
                .post("/freelancers/{id}/what-if", f).then().statusCode(200);
    }

    @Test
    void aRemovalRequestNamesAContractOnOneLine() {
        String f = TestEvents.newId("f");
        String[][] refused = {
                {"{}", "contractId"},
                {"{\"contractId\":\"\"}", "contractId"},
                {"{\"contractId\":7}", "contractId"},
                {"{\"contractId\":\"a\\nb\"}", "contractId"},
                {"{\"contractId\":\"" + "x".repeat(101) + "\"}", "contractId"},
                {"{\"contractId\":\"x\",\"mode\":\"BOTH\"}", "mode"},
                {"{\"contractId\":\"x\",\"mode\":1}", "mode"},
        };
        for (String[] r : refused) {
            given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON).body(r[0])
                    .post("/freelancers/{id}/feedback-removals", f).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(r[1]));
        }
        given().header("Authorization", bearer(f, "FREELANCER")).contentType(ContentType.JSON).body("{\"contractId\":\"x\"}")
                .post("/freelancers/{id}/feedback-removals", f).then().statusCode(404);
    }
}
