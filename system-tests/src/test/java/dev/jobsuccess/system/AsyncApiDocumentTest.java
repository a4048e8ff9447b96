package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is read by the real AsyncAPI parser (npm's {@code @asyncapi/parser}, pinned by
 * docs/tools/package-lock.json), run by Node: the AsyncAPI 3.0.0 schema, the parser's rules, every $ref (the payload
 * schemas in docs/events included) and each payload's JSON Schema 2020-12 with its examples. The validator is
 * installed with {@code npm ci} into target/asyncapi-validator when it is missing or its lock changed; that needs
 * node and npm on the PATH and the npm registry (or npm's cache). Without node the test fails, saying so.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path TOOLS = ROOT.resolve("docs/tools");
    private static final Path WORK = ROOT.resolve("system-tests/target/asyncapi-validator");
    private static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");
    private static final List<String> TOOL_FILES = List.of("package.json", "package-lock.json", ".npmrc", "validate-asyncapi.mjs");

    @Test
    void theAsyncApiParserFindsNoErrorInTheDocument() throws Exception {
        String node = requireTool("node");
        requireTool("npm");
        install();

        Run validation = run(WORK, Duration.ofMinutes(3), WORK.resolve("validate.log"),
                "node", "validate-asyncapi.mjs", DOCUMENT.toString());
        assertEquals(0, validation.exit, "@asyncapi/parser (node " + node + ") finds errors in docs/asyncapi.yaml:\n" + validation.output);
        assertTrue(validation.output.contains("valid AsyncAPI 3.0.0"), validation.output);
    }

    /** {@code npm ci} into target/asyncapi-validator unless the same lock is installed there already. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : TOOL_FILES) {
            Files.copy(TOOLS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path installedLock = WORK.resolve("node_modules/.installed-package-lock.json");
        String lock = Files.readString(TOOLS.resolve("package-lock.json"));
        if (Files.isRegularFile(WORK.resolve("node_modules/@asyncapi/parser/package.json"))
                && Files.isRegularFile(installedLock) && Files.readString(installedLock).equals(lock)) {
            return;
        }
        deleteTree(WORK.resolve("node_modules"));
        // --ignore-scripts: nothing to build, and no install-time telemetry.
        Run ci = run(WORK, Duration.ofMinutes(10), WORK.resolve("npm-ci.log"),
                "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        assertEquals(0, ci.exit, "npm ci of docs/tools (the pinned @asyncapi/parser) failed in " + WORK
                + "; it needs the npm registry or npm's cache:\n" + ci.output);
        Files.writeString(installedLock, lock);
    }

    private static String requireTool(String tool) throws InterruptedException {
        try {
            Run version = run(ROOT, Duration.ofMinutes(1), null, tool, "--version");
            if (version.exit != 0) {
                fail("`" + tool + " --version` failed (" + version.exit + "): " + version.output);
            }
            return version.output.strip();
        } catch (IOException e) {
            return fail(tool + " is not on the PATH: AsyncApiDocumentTest validates docs/asyncapi.yaml with npm's "
                    + "@asyncapi/parser and needs Node.js 18 or newer with npm (e.g. apt-get install nodejs npm). " + e.getMessage());
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, Duration timeout, Path log, String... command) throws IOException, InterruptedException {
        Path out = log != null ? log : Files.createTempFile("asyncapi-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().put("npm_config_update_notifier", "false");
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(out));
            }
            return new Run(process.exitValue(), Files.readString(out));
        } finally {
            if (log == null) {
                Files.deleteIfExists(out);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
