package dev.jobsuccess.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * bin/chaos's driver: starts six service replicas against the broker and PostgreSQL cluster bin/chaos prepared, runs
 * the workload while the fault schedule hurts them, waits for the system to quiesce, checks the invariants and prints
 * the table. Exit status 0 only when no invariant was violated. Settings come from the environment bin/chaos sets
 * (CHAOS_*, and the run's Kafka passwords KAFKA_*_PASSWORD).
 */
public final class ChaosRun {

    static final List<String> SERVICES = List.of("contract-service", "feedback-service", "score-service");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(env("CHAOS_ROOT"));
        Path runDir = Path.of(env("CHAOS_RUN_DIR"));
        Duration duration = Duration.ofSeconds(Long.parseLong(env("CHAOS_DURATION_SECONDS")));
        int perKind = Integer.parseInt(env("CHAOS_FAULTS_PER_KIND"));
        int workers = Integer.parseInt(System.getenv().getOrDefault("CHAOS_WORKERS", "6"));
        Duration quietBound = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CHAOS_QUIET_SECONDS", "120")));
        int kafkaPort = Integer.parseInt(env("CHAOS_KAFKA_PORT"));
        int portBase = Integer.parseInt(env("CHAOS_PORT_BASE"));
        String dbBase = "jdbc:postgresql://127.0.0.1:" + env("CHAOS_PG_PORT");

        Map<String, String> passwords = new HashMap<>();
        for (String s : SERVICES) {
            passwords.put(s, env("KAFKA_" + s.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD"));
        }
        Map<String, String> serviceEnv = new LinkedHashMap<>();
        serviceEnv.put("JOBSUCCESS_DEMO", "true");
        serviceEnv.put("JWT_ISSUER", "jobsuccess-dev");
        serviceEnv.put("JWT_AUDIENCE", "jobsuccess");
        serviceEnv.put("JWT_PUBLIC_KEY_LOCATION", "file:" + root.resolve("config/dev-jwt/publicKey.pem"));
        serviceEnv.put("MALLOC_ARENA_MAX", "2");  // glibc malloc as under bin/up (bin/lib.sh)
        serviceEnv.put("MALLOC_MMAP_THRESHOLD_", "131072");
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        serviceEnv.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        serviceEnv.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        serviceEnv.put("DB_URL_BASE", dbBase);
        serviceEnv.put("CLOCK_ADJUSTABLE", "false");
        // bin/up's services' scheduled work at its defaults; contract-service's timers (none fall due within a run) run.
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "127.0.0.1:" + kafkaPort);
        kafka.put("security.protocol", "SASL_PLAINTEXT");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                + env("KAFKA_ADMIN_PASSWORD") + "\";");

        Cluster.Settings settings = new Cluster.Settings(root, runDir, Path.of(ProcessHandle.current().info().command().orElse("java")),
                kafkaPort, Path.of(env("CHAOS_BROKER_CONFIG")), Path.of(env("CHAOS_PG_RESTART")), serviceEnv, passwords, kafka);

        Faults faults = new Faults();
        Stats stats = new Stats(faults);
        int exit;
        try (Cluster cluster = new Cluster(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // bin/chaos stops what is left by its pid files
                }
            }));
            cluster.broker.adopt(Long.parseLong(env("CHAOS_BROKER_PID")));
            Map<String, List<String>> urls = new LinkedHashMap<>();
            int port = portBase;
            for (String s : SERVICES) {
                for (int i = 1; i <= 2; i++) {
                    Cluster.Replica r = cluster.new Replica(s, i, port++);
                    cluster.replicas.add(r);
                    urls.computeIfAbsent(s, k -> new ArrayList<>()).add(r.url());
                }
            }
            say("starting two replicas of each service (logs: " + runDir.resolve("logs") + ")");
            // The first replica of each service migrates its database; the second starts once it is ready, so that a
            // busy machine does not start six JVMs and three migrations at once.
            for (int index = 1; index <= 2; index++) {
                List<Thread> starting = new ArrayList<>();
                for (Cluster.Replica r : cluster.replicas) {
                    if (r.index == index) {
                        starting.add(Thread.ofPlatform().start(() -> {
                            try {
                                faults.superviseStart(r);
                            } catch (Exception e) {
                                faults.problems.add(r.name() + " did not start: " + e);
                            }
                        }));
                    }
                }
                for (Thread t : starting) {
                    t.join();
                }
            }
            if (!faults.problems.isEmpty()) {
                throw new IllegalStateException("the replicas did not start: " + faults.problems + "; see " + runDir.resolve("logs"));
            }
            say("all six replicas ready");

            Api api = new Api(urls, new Tokens(root.resolve("config/dev-jwt/privateKey.pem")), stats, Duration.ofSeconds(240));
            Workload workload = new Workload(api, UUID.randomUUID().toString().substring(0, 8), 24, 30);
            Instant began = Instant.now();
            // The workload runs for the duration, and on while faults of the schedule are still under way (a slow machine
            // stretches them), so that every fault meets work in flight.
            long deadline = System.nanoTime() + duration.toNanos();
            java.util.concurrent.atomic.AtomicBoolean faultsDone = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                threads.add(Thread.ofPlatform().name("worker-" + i).start(
                        () -> workload.run(() -> faultsDone.get() && System.nanoTime() > deadline)));
            }
            say("workload: " + workers + " workers for " + duration.toSeconds() + " s; faults: " + perKind + " of each kind");
            faults.run(cluster, duration, perKind);
            faultsDone.set(true);
            faults.log.forEach(l -> System.out.println("    " + l));
            say("fault schedule done after " + Duration.between(began, Instant.now()).toSeconds() + " s; the workload finishes its lifecycles");
            for (Thread t : threads) {
                t.join();
            }
            say("workload done after " + Duration.between(began, Instant.now()).toSeconds() + " s");
            for (Cluster.Replica r : cluster.replicas) {
                if (r.paused) {
                    r.sigcont();
                }
            }
            for (Cluster.Replica r : cluster.replicas) {
                if (!r.alive()) {
                    faults.superviseStart(r);
                } else if (!r.awaitReady(Duration.ofSeconds(180))) {
                    faults.problems.add(r.name() + " is not ready at the end of the run");
                }
            }
            Invariants invariants = new Invariants(dbBase, kafka, api);
            Instant quietFrom = Instant.now();
            boolean quiet = invariants.awaitQuiet(quietBound);
            say((quiet ? "quiet after " : "NOT quiet within ") + Duration.between(quietFrom, Instant.now()).toSeconds() + " s");
            invariants.all(workload);
            List<String> violations = new ArrayList<>(invariants.violations);
            workload.unexpected.forEach(u -> violations.add("request refused or unanswered against the model: " + u));
            faults.problems.forEach(p -> violations.add("fault schedule: " + p));
            for (FaultKind k : FaultKind.values()) {
                if (faults.injected(k) < perKind) {
                    violations.add("fault schedule: " + faults.injected(k) + " of " + perKind + " " + k.label + " injected");
                }
            }
            // Each replica's resident memory after the run: a real load for all three services (issue 12's 256 MB).
            StringBuilder memory = new StringBuilder("resident memory after the run:");
            for (Cluster.Replica r : cluster.replicas) {
                memory.append(' ').append(r.name()).append(' ').append(r.residentMb()).append(" MB;");
            }
            say(memory.substring(0, memory.length() - 1));
            Report.print(duration, faults, stats, api, workload, invariants, violations);
            exit = violations.isEmpty() ? 0 : 1;
        }
        System.exit(exit);
    }

    static void say(String line) {
        System.out.println("==> " + line);
        System.out.flush();
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set (bin/chaos sets it)");
        }
        return v;
    }
}
