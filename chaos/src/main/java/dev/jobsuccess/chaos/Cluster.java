package dev.jobsuccess.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

/**
 * The processes of the run that the driver starts and hurts: the broker and six service replicas. PostgreSQL is
 * bin/chaos's (its restart is a script bin/chaos wrote). Every pid goes to a file in the run directory as soon as the
 * process starts, so bin/chaos can stop whatever is left if the driver itself dies.
 */
final class Cluster implements AutoCloseable {

    record Settings(Path root, Path runDir, Path java, int kafkaPort, Path brokerConfig, Path pgRestart,
                    Map<String, String> serviceEnv, Map<String, String> passwords, Map<String, Object> kafkaAdmin) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Settings settings;
    final Broker broker = new Broker();
    final List<Replica> replicas = new ArrayList<>();

    Cluster(Settings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.runDir().resolve("pids"));
        Files.createDirectories(settings.runDir().resolve("logs"));
    }

    private void pidFile(String name, Process p) {
        try {
            Files.writeString(settings.runDir().resolve("pids/" + name + ".pid"), Long.toString(p.pid()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signal(Process p, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("kill -" + signal + " " + p.pid(), e);
        }
    }

    static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The one-node KRaft broker, SASL/SCRAM and ACLs on (bin/chaos formatted its storage and wrote its config). */
    final class Broker {
        private ProcessHandle process;
        int starts;

        /** The broker bin/chaos started (it created the topics, users and ACLs on it): the run stops and starts it from now on. */
        synchronized void adopt(long pid) {
            process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no broker process " + pid));
        }

        synchronized void start() throws IOException {
            Path logs = settings.runDir().resolve("logs");
            // A lighter JVM than bin/infra's (C1 only, the serial collector), so that a restart on a busy machine takes
            // seconds of CPU rather than a minute: the run restarts it a dozen times.
            List<String> cmd = List.of(settings.java().toString(), "-Xms384m", "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", settings.root().resolve(".local/kafka/lib") + "/*",
                    "-Dlog4j2.configurationFile=" + settings.root().resolve("infra/kafka/log4j2.properties"),
                    "-Dkafka.logs.dir=" + logs, "kafka.Kafka", settings.brokerConfig().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("broker.out").toFile())).start();
            pidFile("broker", p);
            process = p.toHandle();
            starts++;
        }

        /** Until the broker answers the admin principal (it has started and loaded its metadata), or the timeout. */
        boolean awaitServing(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            if (!awaitListening(timeout)) {
                return false;
            }
            Map<String, Object> props = new java.util.HashMap<>(settings.kafkaAdmin());
            props.put("default.api.timeout.ms", 10_000);
            props.put("request.timeout.ms", 5_000);
            while (System.nanoTime() < end) {
                try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
                    admin.describeTopics(List.of("contract-closed")).allTopicNames().get(10, TimeUnit.SECONDS);
                    return true;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                    Thread.sleep(500);
                }
            }
            return false;
        }

        boolean awaitListening(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (listens(settings.kafkaPort())) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        /** SIGTERM (a controlled shutdown), or SIGKILL when {@code hard}; waits for the process to end. */
        synchronized void stop(boolean hard) throws InterruptedException {
            if (process == null) {
                return;
            }
            if (hard) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException again) {
                    throw new IllegalStateException("the broker " + process.pid() + " does not stop", again);
                }
            }
            process = null;
        }
    }

    /** One replica of a service: the packaged jar with config/jvm.options and config/&lt;service&gt;.jvm.options, as bin/up runs it. */
    final class Replica {
        final String service;
        final int index;
        final int port;
        private volatile Process process;
        volatile boolean paused;
        volatile boolean restarting;
        int starts;

        Replica(String service, int index, int port) {
            this.service = service;
            this.index = index;
            this.port = port;
        }

        String name() {
            return service + "-" + index;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        synchronized void start() throws IOException {
            Path jar = settings.root().resolve(service + "/target/quarkus-app/quarkus-run.jar");
            List<String> cmd = new ArrayList<>(List.of(settings.java().toString(), "@" + settings.root().resolve("config/jvm.options"),
                    "@" + settings.root().resolve("config/" + service + ".jvm.options"),
                    // The consumer's timeouts shortened for the run, so a replica stopped longer than them loses its
                    // partitions to the other within the run's time (the broker's minimum session is 6 s).
                    "-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1500",
                    "-Djobsuccess.inbound.max-poll-interval=10s",
                    "-jar", jar.toString()));
            ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.runDir().resolve("logs/" + name() + ".log").toFile()));
            b.environment().putAll(settings.serviceEnv());
            b.environment().put("HTTP_PORT", Integer.toString(port));
            b.environment().put("DB_URL", settings.serviceEnv().get("DB_URL_BASE") + "/" + service.replace("-service", ""));
            b.environment().put("KAFKA_SASL_USERNAME", service);
            b.environment().put("KAFKA_SASL_PASSWORD", settings.passwords().get(service));
            process = b.start();
            pidFile(name(), process);
            paused = false;
            starts++;
        }

        boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        /** Resident memory in MB (VmRSS), or -1 when the process is gone. */
        long residentMb() {
            Process p = process;
            if (p == null || !p.isAlive()) {
                return -1;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone meanwhile
            }
            return -1;
        }

        boolean ready() {
            if (!alive() || paused) {
                return false;
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        boolean awaitReady(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (ready()) {
                    return true;
                }
                if (!alive()) {
                    return false;
                }
                Thread.sleep(250);
            }
            return false;
        }

        synchronized void kill9() throws InterruptedException {
            Process p = process;
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }

        void sigstop() {
            paused = true;
            signal(process, "STOP");
        }

        void sigcont() {
            signal(process, "CONT");
            paused = false;
        }

        void stopGracefully() throws InterruptedException {
            Process p = process;
            if (p == null) {
                return;
            }
            if (paused) {
                sigcont();
            }
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** pg_ctl restart of the run's cluster (bin/chaos's script): fast, or immediate (a crash and recovery). */
    void restartPostgres(boolean immediate) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(settings.pgRestart().toString(), immediate ? "immediate" : "fast").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.runDir().resolve("logs/pg-restarts.log").toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL restart failed; see " + settings.runDir().resolve("logs/pg-restarts.log"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Replica r : replicas) {
            r.stopGracefully();
        }
        broker.stop(false);
    }
}
