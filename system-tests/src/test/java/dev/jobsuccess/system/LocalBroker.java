package dev.jobsuccess.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second, private one-node KRaft broker run from the jars bin/infra fetched, so a test can stop
 * and restart Kafka without disturbing the shared broker the other tests use. PLAINTEXT, without users or ACLs:
 * the services started against it are told KAFKA_SECURITY_PROTOCOL=PLAINTEXT (bin/infra's broker is the secured one,
 * BrokerAccessIT tests it).
 */
final class LocalBroker implements AutoCloseable {

    private final Path repoRoot;
    private final Path home;
    private final Path lib;
    private final int port;
    private final int partitions;
    private Process process;

    LocalBroker(Path repoRoot, Path home, int port) {
        this(repoRoot, home, port, 1);
    }

    /** @param partitions the partition count of every topic it creates */
    LocalBroker(Path repoRoot, Path home, int port, int partitions) {
        this.partitions = partitions;
        this.repoRoot = repoRoot;
        this.home = home;
        this.lib = repoRoot.resolve(".local/kafka/lib");
        this.port = port;
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: bin/infra up fetches the Kafka jars (bin/test runs it first)");
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        Path config = home.resolve("server.properties");
        if (!Files.exists(config)) {
            Files.createDirectories(home.resolve("data"));
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller", "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + home.resolve("data"), "num.partitions=" + partitions,
                    "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0", ""));
            run(List.of("kafka.tools.StorageTool", "format", "-t", "c2lzdGVtLXRlc3QtYnJva2Vy", "-c", config.toString()), true);
        }
        process = run(List.of("kafka.Kafka", config.toString()), false);
        // Generous: on a loaded machine a cold broker takes more than a minute to listen.
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("test broker exited; see " + home.resolve("broker.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("test broker did not listen on " + port);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    private Process run(List<String> mainAndArgs, boolean waitForIt) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", lib + "/*", "-Dlog4j2.configurationFile=" + repoRoot.resolve("infra/kafka/log4j2.properties"), "-Dkafka.logs.dir=" + home));
        command.addAll(mainAndArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile())).start();
        if (waitForIt && p.waitFor() != 0) {
            throw new IllegalStateException(mainAndArgs.getFirst() + " failed; see " + home.resolve("broker.log"));
        }
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
