package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JssEngine#inclusions} must say, contract by contract, what {@link JssEngine#compute} says. */
class InclusionsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jobsuccess.jss.ExampleJson#allExamples")
    void agreesWithCompute(Path file) {
        JssRequest request = ExampleJson.request(ExampleJson.read(file));
        assertEquals(JssEngine.compute(request).contracts().stream().map(ContractResult::inclusion).toList(),
                JssEngine.inclusions(request));
    }

    /** Each contract alone, under every private class it may have: as compute says of it alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.jobsuccess.jss.ExampleJson#allExamples")
    void agreesWithComputeForEachContractUnderEachPrivateClass(Path file) {
        JssRequest request = ExampleJson.request(ExampleJson.read(file));
        for (ContractRecord contract : request.contracts()) {
            for (Satisfaction p : ConsistentAssignments.PRIVATE_CLASSES) {
                JssRequest alone = new JssRequest(request.asOf(), request.params(),
                        List.of(ConsistentAssignments.withPrivateClass(contract, p)));
                assertEquals(JssEngine.compute(alone).contracts().getFirst().inclusion(),
                        JssEngine.inclusions(alone).getFirst(), contract.contractId() + " as " + p);
            }
        }
    }

    @Test
    void refusesWhatComputeRefuses() {
        JssRequest twice = Fixtures.request(Fixtures.ended("A", "2025-05-01", 10_000, 9),
                Fixtures.ended("A", "2025-06-01", 10_000, 9));
        assertThrows(InvalidJssInputException.class, () -> JssEngine.compute(twice));
        assertThrows(InvalidJssInputException.class, () -> JssEngine.inclusions(twice));
    }
}
