package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /simulations} refuses bad input with a 400 problem naming the field, and needs a signed-in caller. */
@QuarkusTest
class SimulationValidationTest {

    /** EX-1b: three contracts, score 100. */
    static ObjectNode valid() {
        return (ObjectNode) Seed.example("examples/ex01b-brief-sample-add-c.json").get("request").deepCopy();
    }

    static ObjectNode contract(ObjectNode request, int i) {
        return (ObjectNode) request.get("contracts").get(i);
    }

    @Test
    void aValidRequestGivesTheEnginesAnswerToEveryRole() {
        for (String role : new String[] {"CLIENT", "FREELANCER", "PLATFORM"}) {
            given().header("Authorization", bearer(TestEvents.newId("u"), role)).contentType(ContentType.JSON)
                    .body(valid().toString()).post("/simulations")
                    .then().statusCode(200).body("jss", equalTo(100)).body("selectedWindow", equalTo("W24"))
                    .body("band", equalTo("TOP")).body("windows.TRENDING", equalTo(100))
                    .body("contracts[1].inclusion", equalTo("EXCLUDED_NO_FEEDBACK")).body("contracts[1].outcome", nullValue())
                    .body("contracts[1].weightQ", nullValue())
                    // Leaving A out leaves B (excluded) and C: one contract, below the minimum.
                    .body("contracts[0].jssWithout", nullValue());
        }
    }

    @Test
    void omittedParamsTakeTheirDefaults() {
        ObjectNode request = valid();
        request.remove("params");
        post(request).then().statusCode(200).body("jss", equalTo(100));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "unknown status,            contracts[0].status",
            "unknown formula,           params.formula",
            "unknown weighting,         params.weighting",
            "unknown dispute outcome,   contracts[2].disputeOutcome",
            "unknown end reason,        contracts[0].endReasonCode",
            "unknown param,             params.windowsMonths",
            "unknown contract field,    contracts[1].netEarningCents",
            "negative money,            contracts[1].netEarningsCents",
            "fractional money,          contracts[1].netEarningsCents",
            "rating above 10,           contracts[0].privateRecommend",
            "public rating above 5,     contracts[0].publicOverall",
            "ended before started,      contracts[2].endedAt",
            "ENDED without endedAt,     contracts[1].endedAt",
            "duplicate contractId,      contracts[2].contractId",
            "penalize inactive,         params.penalizeInactiveOpenContracts",
            "bad tier bounds,           params.tierBoundsCents",
            "bad date,                  asOf",
            "missing asOf,              asOf",
            "missing contracts,         contracts",
    })
    void badInputIsA400NamingTheField(String change, String field) {
        ObjectNode request = valid();
        Consumer<ObjectNode> edit = switch (change) {
            case "unknown status" -> r -> contract(r, 0).put("status", "FINISHED");
            case "unknown formula" -> r -> ((ObjectNode) r.get("params")).put("formula", "AVERAGE");
            case "unknown weighting" -> r -> ((ObjectNode) r.get("params")).put("weighting", "BY_HOURS");
            case "unknown dispute outcome" -> r -> contract(r, 2).put("disputeOutcome", "DRAW");
            case "unknown end reason" -> r -> contract(r, 0).put("endReasonCode", "CLIENT_VANISHED");
            case "unknown param" -> r -> ((ObjectNode) r.get("params")).putArray("windowsMonths").add(24);
            case "unknown contract field" -> r -> contract(r, 1).put("netEarningCents", 1);
            case "negative money" -> r -> contract(r, 1).put("netEarningsCents", -1);
            case "fractional money" -> r -> contract(r, 1).put("netEarningsCents", 10.5);
            case "rating above 10" -> r -> contract(r, 0).put("privateRecommend", 11);
            case "public rating above 5" -> r -> contract(r, 0).put("publicOverall", 5.01);
            case "ended before started" -> r -> contract(r, 2).put("endedAt", "2020-01-01");
            case "ENDED without endedAt" -> r -> contract(r, 1).putNull("endedAt");
            case "duplicate contractId" -> r -> contract(r, 2).put("contractId", contract(r, 0).get("contractId").asText());
            case "penalize inactive" -> r -> ((ObjectNode) r.get("params")).put("penalizeInactiveOpenContracts", true);
            case "bad tier bounds" -> r -> {
                ArrayNode bounds = ((ObjectNode) r.get("params")).putArray("tierBoundsCents");
                bounds.add(100000).add(25000);
            };
            case "bad date" -> r -> r.put("asOf", "2025-13-01");
            case "missing asOf" -> r -> r.remove("asOf");
            case "missing contracts" -> r -> r.remove("contracts");
            default -> throw new IllegalArgumentException(change);
        };
        edit.accept(request);
        post(request).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("code", equalTo("INVALID_REQUEST"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void notJsonOrNoBodyIsA400() {
        given().header("Authorization", bearer("u-1", "FREELANCER")).contentType(ContentType.JSON).body("{\"asOf\":")
                .post("/simulations").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer("u-1", "FREELANCER")).contentType(ContentType.JSON)
                .post("/simulations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void simulationsNeedASignedInCaller() {
        given().contentType(ContentType.JSON).body(valid().toString()).post("/simulations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    static io.restassured.response.Response post(ObjectNode request) {
        return given().header("Authorization", bearer(TestEvents.newId("u"), "FREELANCER")).contentType(ContentType.JSON)
                .body(request.toString()).post("/simulations");
    }
}
