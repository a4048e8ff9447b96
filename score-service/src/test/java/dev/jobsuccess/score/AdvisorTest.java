package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The score advisor (issue 14, domain.md §d.6 questions 4 and 6 to 9) on seeded facts and stateless, with values worked out
 * by hand from the spec's examples; what the freelancer, PLATFORM and clients may ask; and that asking changes nothing.
 */
@QuarkusTest
class AdvisorTest {

    /** EX-6 from 2025-07-01 for 24 months, hand-computed (jss-engine's ForecastTest shows the arithmetic). */
    static final List<String> EX6_FORECAST = List.of(
            "2025-07-01 80 SOLID W12 false []",
            "2025-08-06 80 SOLID W12 false [{kind=LEAVES_WINDOW, contractId=Q2, window=W6}]",
            "2025-09-11 73 AT_RISK W12 false [{kind=LEAVES_WINDOW, contractId=Q1, window=W12}, "
                    + "{kind=SCORE_CHANGE, from=80, to=73}, {kind=BAND_CHANGE, from=SOLID, to=AT_RISK}]",
            "2025-11-21 73 AT_RISK W12 false [{kind=LEAVES_WINDOW, contractId=Q3, window=W6}]",
            "2025-12-11 73 AT_RISK W12 false [{kind=LEAVES_WINDOW, contractId=Q4, window=W6}]",
            "2026-02-06 61 AT_RISK W24 false [{kind=LEAVES_WINDOW, contractId=Q2, window=W12}, {kind=SCORE_CHANGE, from=73, to=61}]",
            "2026-03-16 80 SOLID W24 false [{kind=LEAVES_WINDOW, contractId=N1, window=W24}, {kind=SCORE_CHANGE, from=61, to=80}, "
                    + "{kind=BAND_CHANGE, from=AT_RISK, to=SOLID}]",
            "2026-05-21 80 SOLID W24 false [{kind=LEAVES_WINDOW, contractId=Q3, window=W12}]",
            "2026-06-11 80 SOLID W24 false [{kind=LEAVES_WINDOW, contractId=Q4, window=W12}]",
            "2026-09-11 73 AT_RISK W24 false [{kind=LEAVES_WINDOW, contractId=Q1, window=W24}, {kind=SCORE_CHANGE, from=80, to=73}, "
                    + "{kind=BAND_CHANGE, from=SOLID, to=AT_RISK}]",
            "2027-02-06 55 AT_RISK W24 false [{kind=LEAVES_WINDOW, contractId=Q2, window=W24}, {kind=SCORE_CHANGE, from=73, to=55}]",
            "2027-05-21 null null null false [{kind=LEAVES_WINDOW, contractId=Q3, window=W24}, "
                    + "{kind=NO_SCORE, reason=NOT_ENOUGH_CONTRACTS}]",
            "2027-06-11 null null null false [{kind=LEAVES_WINDOW, contractId=Q4, window=W24}]");

    /** E1 $500 rec 10, E2 $500 rec 3, L1 open since 2025-01-01 ($3,000, paid 02-01, 04-15, 06-20): 19/24 → 79. */
    static final String LONG_TERM = """
            {"asOf": "2025-07-01", "contracts": [
              {"contractId": "E1", "clientId": "c-e1", "status": "ENDED", "startedAt": "2025-04-11", "endedAt": "2025-05-01",
               "netEarningsCents": 50000, "paymentDates": ["2025-05-01"], "privateRecommend": 10},
              {"contractId": "E2", "clientId": "c-e2", "status": "ENDED", "startedAt": "2025-05-12", "endedAt": "2025-06-01",
               "netEarningsCents": 50000, "paymentDates": ["2025-06-01"], "privateRecommend": 3},
              {"contractId": "L1", "clientId": "c-l1", "status": "ACTIVE", "startedAt": "2025-01-01", "endedAt": null,
               "netEarningsCents": 300000, "paymentDates": ["2025-02-01", "2025-04-15", "2025-06-20"]}]}""";

    /** One more $500 contract rated 2 privately, ended on the day asked about: the "bad review". */
    static final String BAD_REVIEW = """
            {"contractId": "bad", "clientId": "c-bad", "status": "ENDED", "startedAt": "2025-06-11", "endedAt": "2025-07-01",
             "netEarningsCents": 50000, "paymentDates": ["2025-07-01"], "privateRecommend": 2}""";

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

    Seed.Story seeded(JsonNode example) {
        Seed.Story story = Seed.story(example);
        scores.applyBatch(story.facts());
        return story;
    }

    static ValidatableResponse get(String path, String caller, String role) {
        return given().header("Authorization", bearer(caller, role)).get(path).then();
    }

    static ValidatableResponse post(String path, String caller, String role, String body) {
        return given().header("Authorization", bearer(caller, role)).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static String example(String file, Map<String, Object> extra) {
        ObjectNode request = (ObjectNode) Seed.example("examples/" + file).get("request").deepCopy();
        extra.forEach((k, v) -> request.set(k, Seed.JSON.valueToTree(v)));
        return request.toString();
    }

    /** Each point as one line, the story's contract ids named as in the example. */
    static List<String> points(ValidatableResponse response, Seed.Story story) {
        List<Map<String, Object>> points = response.extract().jsonPath().getList("points");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> p : points) {
            String line = p.get("date") + " " + p.get("jss") + " " + p.get("band") + " " + p.get("selectedWindow") + " "
                    + p.get("topRatedEligible") + " " + p.get("reasons");
            if (story != null) {
                for (var id : story.contractIds().entrySet()) {
                    line = line.replace(id.getValue(), id.getKey());
                }
            }
            out.add(line);
        }
        return out;
    }

    @Test
    void statelessForecastOfEx6ShowsEightyThenSeventyThreeWhenQ1LeavesW12() {
        ValidatableResponse response = post("/simulations/forecast", "f-any", "FREELANCER",
                example("ex06a-rolling-windows-2025-07-01.json", Map.of("months", 24)))
                .statusCode(200)
                .body("$", not(hasKey("freelancerId")))
                .body("from", equalTo("2025-07-01"))
                .body("until", equalTo("2027-07-01"))
                .body("determined", equalTo(true))
                .body("points[2].keySet()", contains("date", "jss", "range", "band", "selectedWindow", "topRatedEligible",
                        "reasons"))
                .body("points[2].range", nullValue());
        assertEquals(EX6_FORECAST, points(response, null));
    }

    @Test
    void ex6FreelancersForecastIsTheSameForThemAndThePlatform() {
        Seed.Story story = seeded(Seed.example("examples/ex06a-rolling-windows-2025-07-01.json"));
        String f = story.freelancerId();
        long changes = Db.scoreChangedRows(f);
        // Every EX-6 rating is private, but the published windows (61, 80, 73, 55) leave no room: Q1, Q2, Q3 SUCCESS,
        // N1 and Q4 NEUTRAL or NEGATIVE, which SUCCESS_RATIO counts alike. So the freelancer's forecast is exact too.
        for (String[] caller : new String[][] {{f, "FREELANCER"}, {"ops-1", "PLATFORM"}}) {
            ValidatableResponse response = get("/freelancers/" + f + "/advisor/forecast?months=24", caller[0], caller[1])
                    .statusCode(200)
                    .body("freelancerId", equalTo(f))
                    .body("from", equalTo("2025-07-01"))
                    .body("determined", equalTo(true));
            assertEquals(EX6_FORECAST, points(response, story), caller[1]);
        }
        // A later start and a shorter span: from 2025-09-01 for 1 month, the start and Q1's exit.
        ValidatableResponse month = get("/freelancers/" + f + "/advisor/forecast?from=2025-09-01&months=1", f, "FREELANCER")
                .statusCode(200).body("until", equalTo("2025-10-01"));
        assertEquals(List.of("2025-09-01 80 SOLID W12 false []", EX6_FORECAST.get(2)), points(month, story));
        get("/freelancers/" + f + "/advisor/forecast", "c-1", "CLIENT").statusCode(403);
        get("/freelancers/" + f + "/advisor/forecast", "f-other", "FREELANCER").statusCode(403);
        assertEquals(changes, Db.scoreChangedRows(f), "asking emits nothing");
    }

    @Test
    void whereThePrivateFeedbackDecidesTheForecastGivesTheFreelancerARange() {
        // Three $500 contracts (5 q each) rated privately only, 2023-09-01 (A, 3/10), 2023-10-01 (B, 10/10), 2024-05-01
        // (C, 10/10): only W24 holds them, 10/15 → 66. For the freelancer any one of the three may be the unhappy client
        // (none can be without feedback: two counted contracts give 100, 50 or 0, never 66).
        String f = TestEvents.newId("f");
        String[][] contracts = {{"A", "2023-09-01", "3"}, {"B", "2023-10-01", "10"}, {"C", "2024-05-01", "10"}};
        for (String[] c : contracts) {
            String id = c[0] + "-" + f;
            LocalDate ended = LocalDate.parse(c[1]);
            scores.applyBatch(Seed.ratedContract(f, id, "client-" + id, ended.minusDays(20), ended, 50_000,
                    Integer.parseInt(c[2]), null));
        }
        Seed.Story names = new Seed.Story(f, List.of(), Map.of("A", "A-" + f, "B", "B-" + f, "C", "C-" + f), Map.of());
        // A leaves W24 on 2025-09-02: B and C give 100 if A was the unhappy one, else 50. B leaves on 2025-10-02: C alone
        // makes no score, whoever was unhappy.
        ValidatableResponse mine = get("/freelancers/" + f + "/advisor/forecast?months=12", f, "FREELANCER").statusCode(200)
                .body("determined", equalTo(false))
                .body("points[1].range.min", equalTo(50)).body("points[1].range.max", equalTo(100))
                .body("points[1].range.noScorePossible", equalTo(false));
        assertEquals(List.of(
                        "2025-07-01 66 AT_RISK W24 false []",
                        "2025-09-02 null null null false [{kind=LEAVES_WINDOW, contractId=A, window=W24}]",
                        "2025-10-02 null null null false [{kind=LEAVES_WINDOW, contractId=B, window=W24}]",
                        "2026-05-02 null null null false [{kind=LEAVES_WINDOW, contractId=C, window=W24}]"),
                points(mine, names));
        ValidatableResponse platform = get("/freelancers/" + f + "/advisor/forecast?months=12", "ops-1", "PLATFORM")
                .statusCode(200).body("determined", equalTo(true));
        assertEquals(List.of(
                        "2025-07-01 66 AT_RISK W24 false []",
                        "2025-09-02 100 TOP W24 false [{kind=LEAVES_WINDOW, contractId=A, window=W24}, "
                                + "{kind=SCORE_CHANGE, from=66, to=100}, {kind=BAND_CHANGE, from=AT_RISK, to=TOP}]",
                        "2025-10-02 null null null false [{kind=LEAVES_WINDOW, contractId=B, window=W24}, "
                                + "{kind=NO_SCORE, reason=NOT_ENOUGH_CONTRACTS}]",
                        "2026-05-02 null null null false [{kind=LEAVES_WINDOW, contractId=C, window=W24}]"),
                points(platform, names));
    }

    @Test
    void forecastRefusesDatesAndSpansOutOfRange() {
        String f = TestEvents.newId("f");
        get("/freelancers/" + f + "/advisor/forecast?months=25", f, "FREELANCER").statusCode(400)
                .body("errors[0].field", equalTo("months"));
        get("/freelancers/" + f + "/advisor/forecast?months=0", f, "FREELANCER").statusCode(400)
                .body("errors[0].field", equalTo("months"));
        get("/freelancers/" + f + "/advisor/forecast?from=2025-06-30", f, "FREELANCER").statusCode(400)
                .body("errors[0].field", equalTo("from"));
        get("/freelancers/" + f + "/advisor/forecast?from=July", f, "FREELANCER").statusCode(400)
                .body("errors[0].field", equalTo("from"));
        post("/simulations/forecast", f, "FREELANCER", "{\"contracts\": [], \"months\": 3}").statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void planToEightyAndToTopRated() {
        // EX-2 (50): one more $500 success ending today lifts TRENDING to (100 + 66) / 2 = 83; three lift W6 to 20/25 = 80
        // and TRENDING to 90.
        String body = example("ex02-seed003-law-of-averages.json",
                Map.of("target", 80, "newContracts", Map.of("netEarningsCents", 50000, "durationDays", 20)));
        post("/simulations/plan", "c-1", "CLIENT", body).statusCode(200)
                .body("$", not(hasKey("freelancerId")))
                .body("reachable", equalTo(true)).body("contracts", equalTo(1)).body("date", equalTo("2025-07-01"))
                .body("score.jss", equalTo(83)).body("score.selectedWindow", equalTo("TRENDING"));

        Seed.Story story = seeded(Seed.example("examples/ex02-seed003-law-of-averages.json"));
        String f = story.freelancerId();
        // J1's public 1★ fixes NEGATIVE and 50 leaves J2 SUCCESS: the freelancer's plan is exact.
        post("/freelancers/" + f + "/advisor/plan", f, "FREELANCER",
                "{\"target\": 90, \"newContracts\": {\"netEarningsCents\": 50000, \"durationDays\": 20}}").statusCode(200)
                .body("freelancerId", equalTo(f)).body("from", equalTo("2025-07-01"))
                .body("contracts", equalTo(3)).body("date", equalTo("2025-07-01"))
                .body("score.jss", equalTo(90)).body("score.range", nullValue());
        // 100 needs J1 out of W6 (from 2025-09-02): one every 30 days, the 4th ends 2025-09-29.
        post("/freelancers/" + f + "/advisor/plan", f, "FREELANCER",
                "{\"target\": 100, \"newContracts\": {\"netEarningsCents\": 50000, \"durationDays\": 20, \"intervalDays\": 30}}")
                .statusCode(200).body("contracts", equalTo(4)).body("date", equalTo("2025-09-29"))
                .body("score.jss", equalTo(100)).body("score.selectedWindow", equalTo("W6"));
        // All on one day, J1 never leaves W6: impossible within the limit; one every 400 days: past the windows.
        post("/freelancers/" + f + "/advisor/plan", "ops-1", "PLATFORM",
                "{\"target\": 100, \"newContracts\": {\"netEarningsCents\": 50000, \"intervalDays\": 400}}")
                .statusCode(200).body("reachable", equalTo(false)).body("contracts", nullValue())
                .body("impossibleReason", equalTo("IMPOSSIBLE_WITHIN_WINDOWS"));
        post("/freelancers/" + f + "/advisor/plan", f, "FREELANCER", "{\"target\": 101, \"newContracts\": {\"netEarningsCents\": 1}}")
                .statusCode(400).body("errors[0].field", equalTo("target"));
        post("/freelancers/" + f + "/advisor/plan", f, "FREELANCER",
                "{\"target\": 90, \"newContracts\": {\"netEarningsCents\": 1, \"firstEndDate\": \"2025-06-30\"}}")
                .statusCode(400).body("errors[0].field", equalTo("newContracts.firstEndDate"));
        post("/freelancers/" + f + "/advisor/plan", f, "FREELANCER", "{\"target\": 90}")
                .statusCode(400).body("errors[0].field", equalTo("newContracts"));
        post("/freelancers/" + f + "/advisor/plan", "c-1", "CLIENT", "{\"target\": 90, \"newContracts\": {\"netEarningsCents\": 1}}")
                .statusCode(403);
    }

    @Test
    void oneBadReviewWithSevenContractsVersusFiftySix() {
        // 7 priors of $500: 35/35 → 100, with the bad review 35/40 → 87 (−13); 56: 280/285 → 98 (−2).
        List<String> expected = List.of("0 null null null", "1 null 50 null", "7 100 87 -13", "56 100 98 -2");
        String question = "\"priorNetEarningsCents\": 50000, \"priorContracts\": [0, 1, 7, 56], \"change\": " + BAD_REVIEW;
        ValidatableResponse stateless = post("/simulations/sweep", "c-1", "CLIENT",
                "{\"asOf\": \"2025-07-01\", \"contracts\": [], " + question + "}").statusCode(200)
                .body("$", not(hasKey("freelancerId"))).body("asOf", equalTo("2025-07-01"));
        assertEquals(expected, rows(stateless));
        // A freelancer with no contracts yet: their facts add nothing.
        String f = TestEvents.newId("f");
        ValidatableResponse mine = post("/freelancers/" + f + "/advisor/sweep", f, "FREELANCER", "{" + question + "}")
                .statusCode(200).body("freelancerId", equalTo(f));
        assertEquals(expected, rows(mine));
        post("/freelancers/" + f + "/advisor/sweep", f, "FREELANCER",
                "{\"priorNetEarningsCents\": 50000, \"priorContracts\": [1001], \"change\": " + BAD_REVIEW + "}")
                .statusCode(400).body("errors[0].field", equalTo("priorContracts[0]"));
        post("/freelancers/" + f + "/advisor/sweep", f, "FREELANCER",
                "{\"priorNetEarningsCents\": 50000, \"priorContracts\": [" + "1,".repeat(20) + "1], \"change\": " + BAD_REVIEW + "}")
                .statusCode(413).body("errors[0].field", equalTo("priorContracts"));
        post("/freelancers/" + f + "/advisor/sweep", f, "FREELANCER",
                "{\"priorNetEarningsCents\": 50000, \"priorContracts\": [7], \"change\": {\"contractId\": \"x\"}}")
                .statusCode(400).body("errors[0].field", equalTo("change.clientId"));
    }

    private static List<String> rows(ValidatableResponse response) {
        List<Map<String, Object>> rows = response.extract().jsonPath().getList("rows");
        return rows.stream().map(r -> r.get("priorContracts") + " " + ((Map<?, ?>) r.get("before")).get("jss") + " "
                + ((Map<?, ?>) r.get("after")).get("jss") + " " + r.get("difference")).toList();
    }

    @Test
    void firstScoreShowsWhatEachWindowStillNeeds() {
        // EX-1: A ($500, 9/10 privately, 5★ publicly) counts, B ($0, no feedback) does not: every window needs one more
        // counted contract from one more client.
        String stateless = Seed.example("examples/ex01a-brief-sample-below-minimum.json").get("request").toString();
        post("/simulations/first-score", "c-1", "CLIENT", stateless).statusCode(200)
                .body("jss", nullValue()).body("minCountedContracts", equalTo(2))
                .body("windows.window", contains("W24", "W12", "W6", "W3"))
                .body("windows.firstDay", contains("2023-07-01", "2024-07-01", "2025-01-01", "2025-04-01"))
                .body("windows.computable", contains(false, false, false, false))
                .body("windows.missingContracts", contains(1, 1, 1, 1))
                .body("windows.missingClients", contains(1, 1, 1, 1))
                .body("windows[0].countedContractIds", contains("A"))
                .body("contracts.inclusion", contains("COUNTED", "EXCLUDED_NO_FEEDBACK"));

        // The freelancer: A's public 5★ makes it count whatever its client said privately, so it is shown as counted.
        Seed.Story story = seeded(Seed.example("examples/ex01a-brief-sample-below-minimum.json"));
        String f = story.freelancerId();
        get("/freelancers/" + f + "/advisor/first-score", f, "FREELANCER").statusCode(200)
                .body("freelancerId", equalTo(f)).body("jss", nullValue())
                .body("windows.missingContracts", contains(1, 1, 1, 1))
                .body("windows[3].countedContractIds", contains(story.contractIds().get("A")))
                .body("windows[3].undecidedContractIds", empty())
                .body("contracts.inclusion", contains("COUNTED", "EXCLUDED_NO_FEEDBACK"));
        get("/freelancers/" + f + "/advisor/first-score", "c-1", "CLIENT").statusCode(403);
    }

    @Test
    void firstScoreNeverTellsWhetherAPrivateRatingMadeAContractCount() {
        // One contract rated 9/10 privately only, no public rating: counted (SUCCESS) or not (no feedback) makes no
        // difference to the published score (none either way), so the freelancer cannot be told which. That no window
        // is computable is published, so that is said; how many are missing is "at most 2".
        String f = TestEvents.newId("f");
        scores.applyBatch(Seed.ratedContract(f, "k-" + f, "c-k-" + f, LocalDate.parse("2025-05-01"),
                LocalDate.parse("2025-06-01"), 50_000, 9, null));
        get("/freelancers/" + f + "/advisor/first-score", f, "FREELANCER").statusCode(200)
                .body("windows[0].computable", equalTo(false))
                .body("windows[0].countedContracts", equalTo(0))
                .body("windows[0].missingContracts", equalTo(2))
                .body("windows[0].undecidedContractIds", contains("k-" + f))
                .body("contracts[0].inclusion", nullValue())
                .body("contracts[0].privateFeedbackDecides", equalTo(true));
        get("/freelancers/" + f + "/advisor/first-score", "ops-1", "PLATFORM").statusCode(200)
                .body("windows[0].countedContracts", equalTo(1))
                .body("windows[0].missingContracts", equalTo(1))
                .body("windows[0].undecidedContractIds", empty())
                .body("contracts[0].inclusion", equalTo("COUNTED"));
    }

    @Test
    void topRatedProgressCountsTheWeeksStillNeeded() {
        // EX-2 at 50: no week eligible; 13 eligible Sundays from the next (2025-07-06) end on 2025-09-28. Earnings
        // 2 × $500 = $1,000 (the minimum), first contract 2025-02-01 (150 days), J2 ended 2025-05-01 (activity).
        Seed.Story story = seeded(Seed.example("examples/ex02-seed003-law-of-averages.json"));
        String f = story.freelancerId();
        get("/freelancers/" + f + "/advisor/top-rated-progress", f, "FREELANCER").statusCode(200)
                .body("freelancerId", equalTo(f)).body("asOf", equalTo("2025-07-01")).body("currentJss", equalTo(50))
                .body("eligibleWeeks", equalTo(0)).body("weeksConsidered", equalTo(16)).body("weeksRequired", equalTo(13))
                .body("weeksStillNeeded", equalTo(13)).body("earliestWeeksMetOn", equalTo("2025-09-28"))
                .body("gross12mCents", equalTo(100000)).body("topRated", equalTo(false))
                .body("blockers", contains("SCORE", "ELIGIBLE_WEEKS"));
        // Stateless, the weekly scores come from the same contracts: 50 from 2025-05-04 on, never eligible.
        post("/simulations/top-rated-progress", "c-1", "CLIENT", example("ex02-seed003-law-of-averages.json",
                Map.of("accountHolds", List.of(Map.of("from", "2025-05-01", "until", "2025-05-02"))))).statusCode(200)
                .body("$", not(hasKey("freelancerId")))
                .body("weeksStillNeeded", equalTo(13)).body("earliestWeeksMetOn", equalTo("2025-09-28"))
                .body("blockers", contains("SCORE", "ELIGIBLE_WEEKS", "ACCOUNT_HOLD"));
        post("/simulations/top-rated-progress", "c-1", "CLIENT", example("ex02-seed003-law-of-averages.json",
                Map.of("accountHolds", List.of(Map.of("from", "2025-05-02", "until", "2025-05-01"))))).statusCode(400)
                .body("errors[0].field", equalTo("accountHolds[0].until"));
        get("/freelancers/" + f + "/advisor/top-rated-progress", "c-1", "CLIENT").statusCode(403);
    }

    @Test
    void closingALongTermContractWithoutFeedbackDropsItsBonus() throws Exception {
        // L1: two full periods, both paid → eligible, 6 + 2 × 4 = 14 q; counts until 90 days after 06-20 (09-18). Closed
        // today without feedback it stops counting: E1 and E2 alone, 5/10 → 50.
        post("/simulations/long-term-contracts", "c-1", "CLIENT", LONG_TERM).statusCode(200)
                .body("contracts.contractId", contains("L1"))
                .body("contracts[0].longTermEligible", equalTo(true)).body("contracts[0].inclusion", equalTo("COUNTED"))
                .body("contracts[0].weightQ", equalTo(14)).body("contracts[0].fullPeriods", equalTo(2))
                .body("contracts[0].paidPeriods", equalTo(2)).body("contracts[0].currentPeriodEnds", equalTo("2025-09-28"))
                .body("contracts[0].countsUntil", equalTo("2025-09-18"))
                .body("contracts[0].now.jss", equalTo(79)).body("contracts[0].ifClosedToday.jss", equalTo(50))
                .body("contracts[0].difference", equalTo(-29));

        // The freelancer sees E1 and E2's private ratings only as "one SUCCESS, one not" (79 allows no more), which is
        // all the two answers need: both are exact.
        Seed.Story story = seeded(Seed.JSON.valueToTree(Map.of("request", Seed.JSON.readTree(LONG_TERM))));
        String f = story.freelancerId();
        for (String[] caller : new String[][] {{f, "FREELANCER"}, {"ops-1", "PLATFORM"}}) {
            get("/freelancers/" + f + "/advisor/long-term-contracts", caller[0], caller[1]).statusCode(200)
                    .body("contracts.contractId", contains(story.contractIds().get("L1")))
                    .body("contracts[0].weightQ", equalTo(14))
                    .body("contracts[0].countsUntil", equalTo("2025-09-18"))
                    .body("contracts[0].now.jss", equalTo(79)).body("contracts[0].ifClosedToday.jss", equalTo(50))
                    .body("contracts[0].difference", equalTo(-29));
        }
    }
}
