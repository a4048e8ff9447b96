package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every example the service's own model can state (default parameters, no perk) as stored facts: each ended
 * contract closed, each open one started and reported paid, its client's feedback submitted and revealed, flagged
 * clients flagged. With the
 * clock at the example's date, the published score and the explanation must say what the example expects:
 * the facts-to-records translation and the engine agree.
 */
@QuarkusTest
class ExamplesThroughFactsTest {

    @Inject
    AdjustableClock clock;
    @Inject
    ScoreService scores;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Stream<String> examples() {
        return Stream.concat(Expected.files("examples").stream(), Expected.files("examples-extra").stream())
                .filter(ExamplesThroughFactsTest::statedByTheServiceModel);
    }

    /**
     * Default params (formula SUCCESS_RATIO, weighting TIERED, rounding FLOOR), no perk flag; open contracts without
     * an end reason or a dispute (which only an end brings).
     */
    static boolean statedByTheServiceModel(String file) {
        JsonNode request = Seed.example(file).get("request");
        JsonNode params = request.path("params");
        Map<String, String> defaults = Map.of("formula", "SUCCESS_RATIO", "weighting", "TIERED", "rounding", "FLOOR");
        for (var it = params.fields(); it.hasNext(); ) {
            var p = it.next();
            if (!p.getValue().asText().equals(defaults.get(p.getKey()))) {
                return false;
            }
        }
        return StreamSupport.stream(request.get("contracts").spliterator(), false)
                .allMatch(c -> !c.path("perkRemovedFromJss").asBoolean(false)
                        && ("ENDED".equals(c.get("status").asText()) || statedByOpenFacts(c)));
    }

    /** What an open contract's facts can say: no end reason and no dispute, which only an end brings. */
    private static boolean statedByOpenFacts(JsonNode contract) {
        return contract.path("endReasonCode").asText(null) == null
                && "NONE".equals(contract.path("disputeOutcome").asText("NONE"));
    }

    @org.junit.jupiter.api.Test
    void mostExamplesAreStatedByTheServiceModel() {
        List<String> stated = examples().toList();
        assertTrue(stated.stream().filter(f -> f.startsWith("examples/")).count() >= 24, stated.toString());
        assertTrue(stated.size() >= 45, stated.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void thePublishedScoreOfTheExamplesFactsIsTheExpectedOne(String file) throws Exception {
        JsonNode example = Seed.example(file);
        clock.pin(Seed.noon(LocalDate.parse(example.at("/request/asOf").asText())));
        Seed.Story story = Seed.story(example);
        scores.applyBatch(story.facts());

        String auth = bearer("ops", "PLATFORM");
        JsonNode score = Seed.JSON.readTree(given().header("Authorization", auth)
                .get("/freelancers/{id}/score", story.freelancerId()).then().statusCode(200).extract().asString());
        JsonNode explanation = Seed.JSON.readTree(given().header("Authorization", auth)
                .get("/freelancers/{id}/score/explanation", story.freelancerId()).then().statusCode(200).extract().asString());
        assertEquals(example.at("/request/asOf").asText(), score.get("asOf").asText());
        Map<String, JsonNode> byExampleId = new HashMap<>();
        for (JsonNode c : explanation.get("contracts")) {
            ObjectNode shown = c.deepCopy();
            shown.set("satisfaction", c.at("/feedback/satisfaction"));
            byExampleId.put(story.exampleContractId(c.get("contractId").asText()), shown);
        }
        assertEquals(story.contractIds().size(), byExampleId.size());

        List<String> mismatches = new ArrayList<>(Expected.mismatches(example.get("expected"), score, e -> null,
                Set.of()).stream().filter(m -> !m.contains("is missing")).toList());
        mismatches.addAll(Expected.mismatches(example.get("expected"), explanation, e -> byExampleId.get(e.getValue()),
                Set.of("inclusion", "outcome", "weightQ", "satisfaction", "outcomeDate", "windows")));
        if (!mismatches.isEmpty()) {
            fail(file + " (" + example.path("name").asText() + "):\n  " + String.join("\n  ", mismatches));
        }
    }
}
