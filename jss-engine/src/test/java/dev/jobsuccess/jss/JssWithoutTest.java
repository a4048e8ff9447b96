package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JssWithoutTest {

    private static JssRequest example(String file) {
        return ExampleJson.request(ExampleJson.read(ExampleJson.files("examples").stream()
                .filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow()));
    }

    @Test
    void ex4EachContractLeftOut() {
        Map<String, Integer> without = JssEngine.jssWithout(example("ex04a-seed004-zero-pay-rule.json"));

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("P1", 60);  // P2 6 q S + Z3 4 q N: 6/10
        expected.put("P2", 55);  // P1 5 q S + Z3 4 q N: 5/9
        expected.put("Z1", 73);  // excluded anyway: unchanged
        expected.put("Z2", 73);
        expected.put("Z3", 100); // EX-4 "without Z3"
        assertEquals(expected, without);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(without.keySet()), "request order");
    }

    @Test
    void ex5PerkWouldRaiseTheScoreToOneHundred() {
        Map<String, Integer> without =
                JssEngine.jssWithout(example("ex05e-seed001-partial-refund-rec6-success-ratio.json"));
        assertEquals(100, without.get("R"));
        assertEquals(87, without.get("H1"), "R stays NEGATIVE: 35 of 40 q, 87.5 floored");
    }

    @Test
    void leavingOutEitherOfTwoClientsLeavesNoScore() {
        Map<String, Integer> without = JssEngine.jssWithout(example("ex02-seed003-law-of-averages.json"));
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("J1", null);
        expected.put("J2", null);
        assertEquals(expected, without);
    }

    @Test
    void theResultIsUnmodifiable() {
        Map<String, Integer> without = JssEngine.jssWithout(example("ex01b-brief-sample-add-c.json"));
        assertThrows(UnsupportedOperationException.class, () -> without.put("X", 1));
    }

    /** Leaving a contract out must give exactly what computing without it gives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jobsuccess.jss.ExampleJson#allExamples")
    void agreesWithComputingWithoutTheContract(Path file) {
        JssRequest request = ExampleJson.request(ExampleJson.read(file));
        Map<String, Integer> without = JssEngine.jssWithout(request);

        assertEquals(request.contracts().stream().map(ContractRecord::contractId).toList(),
                List.copyOf(without.keySet()));
        for (int i = 0; i < request.contracts().size(); i++) {
            List<ContractRecord> others = new ArrayList<>(request.contracts());
            ContractRecord left = others.remove(i);
            JssResult reduced = JssEngine.compute(new JssRequest(request.asOf(), request.params(), others));
            assertEquals(reduced.jss(), without.get(left.contractId()), "without " + left.contractId());
        }
    }
}
