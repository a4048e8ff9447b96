package dev.jobsuccess.jss;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the example files of jss-engine-api.md "Examples" from the test classpath. */
final class ExampleJson {

    /** Strict, so that a misspelt field in an example fails instead of silently taking a default. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ExampleJson() {
    }

    /** The {@code .json} files of a classpath directory, sorted by name. */
    /** Every spec example and extra example: the source of the tests that must hold for all of them. */
    static Stream<Path> allExamples() {
        return Stream.concat(files("examples").stream(), files("examples-extra").stream());
    }

    static List<Path> files(String classpathDirectory) {
        URL url = ExampleJson.class.getClassLoader().getResource(classpathDirectory);
        if (url == null) {
            throw new IllegalStateException("no classpath directory " + classpathDirectory);
        }
        try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JssRequest request(JsonNode example) {
        try {
            return MAPPER.treeToValue(example.get("request"), JssRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
