package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example file through the engine and compares, field by field, what its
 * {@code expected} pins down. {@code examples/} are the spec's normative cases; {@code examples-extra/}
 * are this module's hand-computed rule edges, which may also pin a contract's {@code satisfaction},
 * {@code longTermEligible}, {@code outcomeDate} and {@code windows}.
 */
class ExampleCasesTest {

    private static final int SPEC_EXAMPLES = 31;
    private static final Set<String> RESULT_FIELDS = Set.of("jss", "selectedWindow", "band", "windows", "contracts");
    private static final Set<String> CONTRACT_FIELDS = Set.of("contractId", "inclusion", "outcome", "weightQ",
            "satisfaction", "longTermEligible", "outcomeDate", "windows");

    static Stream<Arguments> examples() {
        return Stream.concat(ExampleJson.files("examples").stream(), ExampleJson.files("examples-extra").stream())
                .map(file -> Arguments.of(file.getParent().getFileName() + "/" + file.getFileName(), file));
    }

    @Test
    void everySpecExampleIsPresent() {
        List<Path> spec = ExampleJson.files("examples");
        assertTrue(spec.size() >= SPEC_EXAMPLES,
                "expected at least " + SPEC_EXAMPLES + " spec examples, found " + spec.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesExpected(String name, Path file) {
        JsonNode example = ExampleJson.read(file);
        JsonNode expected = example.get("expected");
        JssResult result = JssEngine.compute(ExampleJson.request(example));

        List<String> mismatches = new ArrayList<>();
        expectOnly(expected, RESULT_FIELDS, "expected", mismatches);
        if (expected.has("jss")) {
            check("jss", intOrNull(expected.get("jss")), result.jss(), mismatches);
        }
        if (expected.has("selectedWindow")) {
            check("selectedWindow", textOrNull(expected.get("selectedWindow")), nameOf(result.selectedWindow()),
                    mismatches);
        }
        if (expected.has("band")) {
            check("band", textOrNull(expected.get("band")), nameOf(result.band()), mismatches);
        }
        if (expected.has("windows")) {
            compareWindows(expected.get("windows"), result.windows(), mismatches);
        }
        if (expected.has("contracts")) {
            compareContracts(expected.get("contracts"), result.contracts(), mismatches);
        }
        if (!mismatches.isEmpty()) {
            fail(name + " (" + example.path("name").asText() + "):\n  " + String.join("\n  ", mismatches));
        }
    }

    private static void compareWindows(JsonNode expected, Map<Window, Integer> actual, List<String> mismatches) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Window window = Window.valueOf(field.getKey());
            check("windows." + window, intOrNull(field.getValue()), actual.get(window), mismatches);
        }
    }

    private static void compareContracts(JsonNode expected, List<ContractResult> actual, List<String> mismatches) {
        if (expected.size() != actual.size()) {
            mismatches.add("contracts: expected " + expected.size() + " results, got " + actual.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            ContractResult got = actual.get(i);
            String at = "contracts[" + i + "].";
            expectOnly(want, CONTRACT_FIELDS, "contracts[" + i + "]", mismatches);
            if (want.has("contractId")) {
                check(at + "contractId", want.get("contractId").asText(), got.contractId(), mismatches);
            }
            if (want.has("inclusion")) {
                check(at + "inclusion", textOrNull(want.get("inclusion")), nameOf(got.inclusion()), mismatches);
            }
            if (want.has("outcome")) {
                check(at + "outcome", textOrNull(want.get("outcome")), nameOf(got.outcome()), mismatches);
            }
            if (want.has("weightQ")) {
                check(at + "weightQ", intOrNull(want.get("weightQ")), got.weightQ(), mismatches);
            }
            if (want.has("satisfaction")) {
                check(at + "satisfaction", textOrNull(want.get("satisfaction")), nameOf(got.satisfaction()),
                        mismatches);
            }
            if (want.has("longTermEligible")) {
                check(at + "longTermEligible", want.get("longTermEligible").asBoolean(), got.longTermEligible(),
                        mismatches);
            }
            if (want.has("outcomeDate")) {
                JsonNode date = want.get("outcomeDate");
                check(at + "outcomeDate", date.isNull() ? null : LocalDate.parse(date.asText()), got.outcomeDate(),
                        mismatches);
            }
            if (want.has("windows")) {
                List<Window> windows = new ArrayList<>();
                want.get("windows").forEach(w -> windows.add(Window.valueOf(w.asText())));
                check(at + "windows", windows, got.windows(), mismatches);
            }
        }
    }

    private static void expectOnly(JsonNode node, Set<String> allowed, String where, List<String> mismatches) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                mismatches.add(where + ": unknown expected field '" + field + "'");
            }
        });
    }

    private static void check(String field, Object expected, Object actual, List<String> mismatches) {
        if (!Objects.equals(expected, actual)) {
            mismatches.add(field + ": expected " + expected + ", got " + actual);
        }
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.intValue();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @Test
    void aMisspeltFieldDoesNotBind() {
        JsonNode example = ExampleJson.read(ExampleJson.files("examples").getFirst());
        ((ObjectNode) example.get("request").get("contracts").get(0)).put("netEarningCents", 1);

        RuntimeException error = assertThrows(RuntimeException.class, () -> ExampleJson.request(example));

        assertTrue(error.getMessage().contains("netEarningCents"), error.getMessage());
    }
}
