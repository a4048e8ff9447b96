package dev.jobsuccess.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares an example's {@code expected} (jss-engine-api.md "Examples") with a response, field by field: the
 * response uses the same names, so what the example pins down is looked up under its own name.
 */
final class Expected {

    static final Set<String> RESULT_FIELDS = Set.of("jss", "selectedWindow", "band", "windows", "contracts");
    static final Set<String> CONTRACT_FIELDS = Set.of("contractId", "inclusion", "outcome", "weightQ", "satisfaction",
            "longTermEligible", "outcomeDate", "windows");

    private Expected() {
    }

    /** The example files of a test-classpath directory, by name. */
    static List<String> files(String directory) {
        URL url = Expected.class.getClassLoader().getResource(directory);
        if (url == null) {
            throw new IllegalStateException("no classpath directory " + directory);
        }
        try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
            return listing.map(p -> directory + "/" + p.getFileName()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param contractOf the response's entry for one expected contract (by its position and id), or null if absent
     * @param contractFields the contract fields this response can show; others in the example are skipped
     * @return every mismatch, empty when the response matches
     */
    static List<String> mismatches(JsonNode expected, JsonNode actual, Function<Map.Entry<Integer, String>, JsonNode> contractOf,
                                   Set<String> contractFields) {
        List<String> out = new ArrayList<>();
        expected.fieldNames().forEachRemaining(f -> {
            if (!RESULT_FIELDS.contains(f)) {
                out.add("unknown expected field " + f);
            }
        });
        for (String field : List.of("jss", "selectedWindow", "band")) {
            if (expected.has(field)) {
                same(field, expected.get(field), actual.get(field), out);
            }
        }
        if (expected.has("windows")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("windows").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> w = it.next();
                same("windows." + w.getKey(), w.getValue(), actual.path("windows").get(w.getKey()), out);
            }
        }
        if (expected.has("contracts")) {
            JsonNode contracts = expected.get("contracts");
            for (int i = 0; i < contracts.size(); i++) {
                JsonNode want = contracts.get(i);
                JsonNode got = contractOf.apply(Map.entry(i, want.path("contractId").asText()));
                if (got == null) {
                    out.add("contracts[" + i + "] " + want.path("contractId").asText() + " is missing");
                    continue;
                }
                for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    if (!CONTRACT_FIELDS.contains(field)) {
                        out.add("contracts[" + i + "]: unknown expected field " + field);
                    } else if (contractFields.contains(field) && !field.equals("contractId")) {
                        same("contracts[" + i + "]." + field, want.get(field), got.get(field), out);
                    }
                }
            }
        }
        return out;
    }

    private static void same(String field, JsonNode want, JsonNode got, List<String> out) {
        boolean wantNull = want == null || want.isNull();
        boolean gotNull = got == null || got.isNull();
        boolean equal = wantNull || gotNull ? wantNull == gotNull
                : want.isNumber() && got.isNumber() ? want.decimalValue().compareTo(got.decimalValue()) == 0
                : want.equals(got);
        if (!equal) {
            out.add(field + ": expected " + want + ", got " + got);
        }
    }
}
