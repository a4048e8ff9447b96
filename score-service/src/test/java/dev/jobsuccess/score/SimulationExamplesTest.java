package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every example file, the spec's ({@code examples/}, copied from the spec) and jss-engine's rule edges
 * ({@code examples-extra/}), through {@code POST /simulations}: its request as the body, its expected fields
 * compared with the response.
 */
@QuarkusTest
class SimulationExamplesTest {

    static final int SPEC_EXAMPLES = 31;

    static Stream<String> examples() {
        return Stream.concat(Expected.files("examples").stream(), Expected.files("examples-extra").stream());
    }

    @Test
    void everySpecExampleIsHere() {
        assertEquals(SPEC_EXAMPLES, Expected.files("examples").size());
        assertTrue(Expected.files("examples-extra").size() >= 37);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesExpected(String file) throws Exception {
        JsonNode example = Seed.example(file);
        String body = given().header("Authorization", bearer(TestEvents.newId("u"), "FREELANCER"))
                .contentType(ContentType.JSON).body(example.get("request").toString())
                .post("/simulations").then().statusCode(200).contentType("application/json").extract().asString();
        JsonNode actual = Seed.JSON.readTree(body);
        JsonNode contracts = actual.get("contracts");
        assertEquals(example.at("/request/contracts").size(), contracts.size(), "one result per contract, in order");
        List<String> mismatches = Expected.mismatches(example.get("expected"), actual, e -> {
            JsonNode got = contracts.get(e.getKey());
            return got != null && got.get("contractId").asText().equals(e.getValue()) ? got : null;
        }, Expected.CONTRACT_FIELDS);
        if (!mismatches.isEmpty()) {
            fail(file + " (" + example.path("name").asText() + "):\n  " + String.join("\n  ", mismatches));
        }
    }
}
