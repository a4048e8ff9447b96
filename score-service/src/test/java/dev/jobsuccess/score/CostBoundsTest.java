package dev.jobsuccess.score;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.score.scoring.ScoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The size bounds of jobsuccess.score.limits (defaults: 1000 contracts a simulation, 1000 payment dates a contract and
 * 20000 a request, 100 changes a what-if): at a bound the request is answered, one beyond it gets 413 naming the field.
 */
@QuarkusTest
class CostBoundsTest {

    static final LocalDate FIRST_PAYMENT = LocalDate.parse("2020-01-01");

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

    /** An ENDED contract rated 10 by its own client, paid once a day from 2020-01-01. */
    static ObjectNode contract(String id, int paymentDates) {
        ObjectNode c = Seed.JSON.createObjectNode();
        c.put("contractId", id).put("clientId", "client-" + id).put("status", "ENDED").put("startedAt", "2020-01-01")
                .put("endedAt", "2025-06-01").put("netEarningsCents", 50000).put("privateRecommend", 10);
        ArrayNode dates = c.putArray("paymentDates");
        for (int i = 0; i < paymentDates; i++) {
            dates.add(FIRST_PAYMENT.plusDays(i).toString());
        }
        return c;
    }

    static ObjectNode simulation(int contracts, int paymentDatesEach) {
        ObjectNode request = Seed.JSON.createObjectNode().put("asOf", "2025-07-01");
        ArrayNode list = request.putArray("contracts");
        for (int i = 0; i < contracts; i++) {
            list.add(contract("k" + i, paymentDatesEach));
        }
        return request;
    }

    static ValidatableResponse simulate(ObjectNode request) {
        return given().header("Authorization", bearer(TestEvents.newId("u"), "CLIENT")).contentType(ContentType.JSON)
                .body(request.toString()).post("/simulations").then();
    }

    static void tooLarge(ValidatableResponse response, String field) {
        response.statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("errors[0].field", equalTo(field));
    }

    @Test
    void aSimulationTakesUpTo1000Contracts() {
        simulate(simulation(1000, 1)).statusCode(200).body("jss", equalTo(100)).body("contracts", hasSize(1000));
        tooLarge(simulate(simulation(1001, 1)), "contracts");
    }

    @Test
    void aSimulatedContractTakesUpTo1000PaymentDates() {
        ObjectNode atTheLimit = simulation(2, 1);
        ((ArrayNode) atTheLimit.get("contracts")).set(1, contract("long", 1000));
        simulate(atTheLimit).statusCode(200).body("jss", equalTo(100));

        ObjectNode beyond = simulation(2, 1);
        ((ArrayNode) beyond.get("contracts")).set(1, contract("long", 1001));
        tooLarge(simulate(beyond), "contracts[1].paymentDates");
    }

    @Test
    void aSimulationTakesUpTo20000PaymentDatesInAll() {
        simulate(simulation(20, 1000)).statusCode(200).body("jss", equalTo(100));
        ObjectNode beyond = simulation(20, 1000);
        ((ArrayNode) beyond.get("contracts")).add(contract("one-more", 1));
        tooLarge(simulate(beyond), "contracts[20].paymentDates");
    }

    ValidatableResponse whatIf(String freelancer, String body) {
        return given().header("Authorization", bearer(freelancer, "FREELANCER")).contentType(ContentType.JSON).body(body)
                .post("/freelancers/{id}/what-if", freelancer).then();
    }

    static String privateRatings(String contractId, int count) {
        StringBuilder changes = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < count; i++) {
            changes.append(i == 0 ? "" : ",").append("{\"type\":\"PRIVATE_RATING\",\"contractId\":\"").append(contractId)
                    .append("\",\"privateRecommend\":").append(i % 11).append('}');
        }
        return changes.append("]}").toString();
    }

    static String newContract(int paymentDates) {
        return "{\"changes\":[{\"type\":\"NEW_CONTRACT\",\"contract\":" + contract("new-1", paymentDates) + "}]}";
    }

    @Test
    void aWhatIfTakesUpTo100ChangesAndNewContractsUpTo1000PaymentDates() {
        // EX-2: J1 NEGATIVE and J2 SUCCESS at 5 q each → 50.
        Seed.Story story = Seed.story(Seed.example("examples/ex02-seed003-law-of-averages.json"));
        scores.applyBatch(story.facts());
        String f = story.freelancerId();
        String j1 = story.contractIds().get("J1");
        long announced = Db.scoreChangedRows(f);

        // The last of 100 rating changes leaves J1's private rating at 99 % 11 = 0: still NEGATIVE.
        whatIf(f, privateRatings(j1, 100)).statusCode(200).body("before.jss", equalTo(50)).body("after.jss", equalTo(50));
        tooLarge(whatIf(f, privateRatings(j1, 101)), "changes");

        whatIf(f, newContract(1000)).statusCode(200).body("contracts.find { it.contractId == 'new-1' }.hypothetical",
                equalTo(true));
        tooLarge(whatIf(f, newContract(1001)), "changes[0].contract.paymentDates");
        org.junit.jupiter.api.Assertions.assertEquals(announced, Db.scoreChangedRows(f), "a what-if announces nothing");
    }
}
