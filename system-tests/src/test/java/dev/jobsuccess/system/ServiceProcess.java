package dev.jobsuccess.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service (target/quarkus-app) run as its own process, as in production. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(Path repoRoot, String name, int port, Map<String, String> env) throws IOException {
        Path jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify builds them before this module)");
        }
        Path logDir = repoRoot.resolve("system-tests/target/service-logs");
        Files.createDirectories(logDir);
        // One log per process: a test may run several processes of one service.
        Path log = logDir.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The service's own Kafka principal, with the dev password bin/test exports (KAFKA_<SERVICE>_PASSWORD); a test
        // against a private PLAINTEXT broker says KAFKA_SECURITY_PROTOCOL=PLAINTEXT.
        builder.environment().put("KAFKA_SASL_USERNAME", name);
        builder.environment().put("KAFKA_SASL_PASSWORD", System.getenv().getOrDefault(passwordVariable(name), ""));
        builder.environment().putAll(demo(repoRoot));
        // A null value leaves the variable out.
        env.forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log);
    }

    /**
     * A demo's settings, as bin/up's: the committed dev key pair that TestTokens signs with, its issuer and audience, and
     * JOBSUCCESS_DEMO saying so (without it the packaged service refuses them). A test may override any of them.
     */
    static Map<String, String> demo(Path repoRoot) {
        return Map.of("JOBSUCCESS_DEMO", "true", "JWT_ISSUER", "jobsuccess-dev", "JWT_AUDIENCE", "jobsuccess",
                "JWT_PUBLIC_KEY_LOCATION", "file:" + repoRoot.resolve("config/dev-jwt/publicKey.pem"));
    }

    /** contract-service -> KAFKA_CONTRACT_SERVICE_PASSWORD, as in .local/kafka/credentials.env. */
    static String passwordVariable(String service) {
        return "KAFKA_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Waits for the process to end by itself; its exit code, or empty when it still runs after {@code timeout}. */
    java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** kill -9 of the service's JVM (this process is the JVM itself: no wrapper), and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, without waiting: the service begins its graceful shutdown. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
