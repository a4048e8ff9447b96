package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jobsuccess.jss.ExampleJson#allExamples")
    void sameInputSameResult(Path file) {
        JssRequest request = ExampleJson.request(ExampleJson.read(file));
        JssRequest rebound = ExampleJson.request(ExampleJson.read(file));

        assertEquals(JssEngine.compute(request), JssEngine.compute(request));
        assertEquals(JssEngine.compute(request), JssEngine.compute(rebound));
    }

    /** Clarification 13: results follow the request's order, and the order changes nothing else. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jobsuccess.jss.ExampleJson#allExamples")
    void orderIsKeptAndDoesNotChangeTheScore(Path file) {
        JssRequest request = ExampleJson.request(ExampleJson.read(file));
        List<ContractRecord> shuffled = new ArrayList<>(request.contracts());
        Collections.shuffle(shuffled, new Random(file.getFileName().toString().hashCode()));
        Collections.reverse(shuffled);

        JssResult original = JssEngine.compute(request);
        JssResult reordered = JssEngine.compute(new JssRequest(request.asOf(), request.params(), shuffled));

        assertEquals(shuffled.stream().map(ContractRecord::contractId).toList(),
                reordered.contracts().stream().map(ContractResult::contractId).toList());
        assertEquals(original.jss(), reordered.jss());
        assertEquals(original.selectedWindow(), reordered.selectedWindow());
        assertEquals(original.windows(), reordered.windows());
        for (ContractResult result : original.contracts()) {
            assertEquals(result, reordered.contracts().stream()
                    .filter(r -> r.contractId().equals(result.contractId())).findFirst().orElseThrow());
        }
    }

    @Test
    void windowsHaveAllFiveKeysInOrderAndTheResultIsUnmodifiable() {
        JssResult result = JssEngine.compute(Fixtures.request(Fixtures.ended("A", "2025-06-01", 20_000, 10)));

        assertEquals(List.of(Window.W24, Window.W12, Window.W6, Window.W3, Window.TRENDING),
                List.copyOf(result.windows().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> result.windows().put(Window.W3, 1));
        assertThrows(UnsupportedOperationException.class, () -> result.contracts().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.contracts().getFirst().windows().clear());
    }
}
