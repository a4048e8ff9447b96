package dev.jobsuccess.examples.subscriber;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An example subscriber to {@code score-changed} (docs/events/score-changed.schema.json), as a platform team would write
 * one: it authenticates as its own principal, reads in its own consumer group, and prints one line per score change.
 *
 * <p>score-service publishes at least once, so this program must cope with duplicates:
 * <ul>
 *   <li>Offsets are committed only after a poll's records were handled (auto-commit off): a crash before the commit
 *       makes Kafka deliver those records again, so nothing is lost.</li>
 *   <li>Redelivered and re-published records are dropped by their {@code eventId}, recorded durably in an append-only
 *       file that is forced to disk before the offsets are committed.</li>
 * </ul>
 *
 * <p>Run it with {@code bin/score-subscriber} ({@code --help} lists the options). Exit codes: 0 after
 * {@code --max-events} or {@code --idle-timeout} (a signal ends the JVM with 143 after a clean stop); 1 for bad options or an unreadable store; 2 when the broker
 * refuses the credentials; 3 when the principal may not read the topic or use the group.
 */
public final class ScoreSubscriber {

    static final String EVENT_TYPE = "score.changed";
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean stopping;

    ScoreSubscriber(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The Kafka client's own log (SLF4J simple): warnings and errors only, on stderr like this program's messages.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getenv().getOrDefault("SUBSCRIBER_KAFKA_LOG_LEVEL", "error"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("score-subscriber: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(1);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        System.exit(new ScoreSubscriber(options, System.out, System.err).run());
    }

    /** Runs until stopped; the process's exit code. */
    int run() {
        ProcessedEvents processed;
        try {
            processed = ProcessedEvents.open(options.store());
        } catch (IOException | IllegalStateException e) {
            err.println("score-subscriber: cannot open the store " + options.store() + ": " + e.getMessage());
            return 1;
        }
        OutputFile output = null;
        try (processed) {
            if (options.output() != null) {
                output = OutputFile.open(options.output());
            }
            return consume(processed, output);
        } catch (IOException e) {
            err.println("score-subscriber: " + e);
            return 1;
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    private int consume(ProcessedEvents processed, OutputFile output) throws IOException {
        Map<String, Object> config = options.consumerConfig();
        err.printf("score-subscriber: %s as %s in group %s at %s; %d processed eventIds in %s%n", options.topic(),
                options.username(), options.group(), options.bootstrap(), processed.size(), processed.file());
        CountDownLatch closed = new CountDownLatch(1);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        // SIGTERM or Ctrl-C: wake the consumer out of poll(), let the loop commit what it handled and close the
        // consumer (it leaves its group at once), and only then let the JVM exit.
        Thread hook = new Thread(() -> {
            stopping = true;
            consumer.wakeup();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "score-subscriber-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String reason = loop(consumer, processed, output);
            err.println("score-subscriber: stopped (" + reason + ")");
            return 0;
        } catch (WakeupException e) {
            err.println("score-subscriber: stopped (signal)");
            return 0;
        } catch (AuthenticationException e) {
            err.println("score-subscriber: the broker at " + options.bootstrap() + " refused to authenticate "
                    + options.username() + " (" + options.mechanism() + "): " + e.getMessage()
                    + ". Check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (bin/score-subscriber takes the password "
                    + "from .local/kafka/credentials.env).");
            return 2;
        } catch (TopicAuthorizationException | GroupAuthorizationException e) {
            err.println("score-subscriber: " + options.username() + " is not allowed to read " + options.topic()
                    + " in group " + options.group() + ": " + e.getMessage() + ". It needs READ on topic "
                    + options.topic() + " and READ on its group (see infra/kafka/acls.txt).");
            return 3;
        } catch (AuthorizationException e) {
            err.println("score-subscriber: " + options.username() + " is not authorized: " + e.getMessage());
            return 3;
        } finally {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
            } catch (RuntimeException e) {
                err.println("score-subscriber: closing the consumer: " + e);
            }
            closed.countDown();
            if (!stopping) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already
                }
            }
        }
    }

    /** Polls, handles and commits until a stop condition; the reason it stopped. */
    private String loop(KafkaConsumer<String, String> consumer, ProcessedEvents processed, OutputFile output) throws IOException {
        long[] assignedOrLastRecord = {0};
        consumer.subscribe(List.of(options.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Offsets are committed after each poll, so there is nothing pending to commit here.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // The idle timeout counts from the assignment: joining a group takes a few seconds.
                assignedOrLastRecord[0] = System.nanoTime();
            }
        });
        int newEvents = 0;
        while (!stopping) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
            boolean enough = false;
            for (ConsumerRecord<String, String> record : records) {
                if (handle(record, processed, output)) {
                    newEvents++;
                }
                handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                if (options.maxEvents() > 0 && newEvents >= options.maxEvents()) {
                    // Stop in the middle of the poll: only the records handled so far are committed.
                    enough = true;
                    break;
                }
            }
            if (!handled.isEmpty()) {
                assignedOrLastRecord[0] = System.nanoTime();
                // Durable before the commit: the lines went out, then their eventIds reach the disk, then Kafka
                // forgets the records. A crash before the commit redelivers them and the store drops them; a crash
                // after a line was printed but before the store was forced could print it once more (at least once).
                if (output != null) {
                    output.flush();
                }
                out.flush();
                processed.force();
                consumer.commitSync(handled);
            }
            if (enough) {
                return options.maxEvents() + " new events";
            }
            if (options.idleTimeout() != null && assignedOrLastRecord[0] != 0
                    && System.nanoTime() - assignedOrLastRecord[0] > options.idleTimeout().toNanos()) {
                return "idle for " + options.idleTimeout().toSeconds() + " s";
            }
        }
        return "signal";
    }

    /** Handles one record; true when it was a new score change (printed). Never throws for a bad record. */
    boolean handle(ConsumerRecord<String, String> record, ProcessedEvents processed, OutputFile output) throws IOException {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        JsonNode event;
        try {
            event = JSON.readTree(record.value() == null ? "" : record.value());
        } catch (IOException e) {
            err.println("score-subscriber: skipping " + where + ": not JSON");
            return false;
        }
        String problem = invalid(event, header(record, "eventId"));
        if (problem != null) {
            err.println("score-subscriber: skipping " + where + ": " + problem);
            return false;
        }
        String freelancerId = event.get("freelancerId").asText();
        if (options.freelancer() != null && !options.freelancer().equals(freelancerId)) {
            return false;
        }
        // De-duplication is by eventId, never by offset: the outbox relay sends a batch and marks it sent once Kafka
        // acknowledged it, so a relay that crashes (or times out) in between sends the same event again, a second
        // record at a NEW offset with the same eventId. Offsets only tell this consumer where it is in a partition;
        // eventId says which change it is.
        String eventId = event.get("eventId").asText();
        if (!processed.add(eventId)) {
            return false;
        }
        String line = describe(event);
        out.println(line);
        if (output != null) {
            ObjectNode json = JSON.createObjectNode();
            json.put("eventId", eventId);
            json.put("freelancerId", freelancerId);
            json.put("line", line);
            json.put("partition", record.partition());
            json.put("offset", record.offset());
            json.set("event", event);
            output.append(JSON.writeValueAsString(json));
        }
        return true;
    }

    /** What is wrong with a record for this subscriber, or null; a minimal check, not the whole JSON Schema. */
    static String invalid(JsonNode event, String headerEventId) {
        if (event == null || !event.isObject()) {
            return "not a JSON object";
        }
        if (!EVENT_TYPE.equals(event.path("eventType").asText(null))) {
            return "eventType is " + event.path("eventType") + ", not " + EVENT_TYPE;
        }
        if (!event.path("schemaVersion").isInt() || event.path("schemaVersion").asInt() != SCHEMA_VERSION) {
            return "schemaVersion is " + event.path("schemaVersion") + ", this subscriber reads " + SCHEMA_VERSION;
        }
        String eventId = event.path("eventId").asText(null);
        if (!event.path("eventId").isTextual() || !isUuid(eventId)) {
            return "no eventId (a UUID)";
        }
        if (headerEventId != null && !headerEventId.equals(eventId)) {
            return "the eventId header " + headerEventId + " differs from the body's " + eventId;
        }
        if (!event.path("freelancerId").isTextual() || event.path("freelancerId").asText().isEmpty()) {
            return "no freelancerId";
        }
        for (String score : List.of("previous", "current")) {
            if (!event.path(score).isObject()) {
                return "no " + score + " score";
            }
        }
        return null;
    }

    private static boolean isUuid(String s) {
        try {
            return s != null && UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** e.g. {@code 2025-07-01 f-1: 100 (TOP) -> 88 (SOLID); badges lost [TOP_RATED]; cause feedback.submitted} */
    static String describe(JsonNode event) {
        StringBuilder line = new StringBuilder()
                .append(event.path("asOf").asText("?")).append(' ')
                .append(event.path("freelancerId").asText()).append(": ")
                .append(score(event.path("previous"))).append(" -> ").append(score(event.path("current")));
        JsonNode badges = event.path("badges");
        List<String> gained = badges.has("gained") ? list(badges.path("gained")) : minus(badges.path("current"), badges.path("previous"));
        List<String> lost = badges.has("lost") ? list(badges.path("lost")) : minus(badges.path("previous"), badges.path("current"));
        if (!gained.isEmpty()) {
            line.append("; badges gained ").append(gained);
        }
        if (!lost.isEmpty()) {
            line.append("; badges lost ").append(lost);
        }
        JsonNode cause = event.path("cause");
        if (cause.path("eventType").isTextual()) {
            line.append("; cause ").append(cause.path("eventType").asText());
        } else {
            line.append("; cause ").append(event.path("trigger").asText("?").toLowerCase(java.util.Locale.ROOT));
            if (cause.path("snapshotDate").isTextual()) {
                line.append(' ').append(cause.path("snapshotDate").asText());
            }
        }
        return line.toString();
    }

    private static String score(JsonNode score) {
        String jss = score.path("jss").isNumber() ? score.path("jss").asText() : "no score";
        return score.path("band").isTextual() ? jss + " (" + score.path("band").asText() + ")" : jss;
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> minus(JsonNode a, JsonNode b) {
        Set<String> values = new LinkedHashSet<>(list(a));
        list(b).forEach(values::remove);
        return new ArrayList<>(values);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * The eventIds this subscriber handled, one per line in {@code <store>/processed-event-ids}: loaded at start,
     * appended as events are handled and forced to disk before each offset commit. Locked, so two subscribers cannot
     * share one store. (A team's real store would be its database, the id written in the transaction of its effect.)
     */
    static final class ProcessedEvents implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private final Set<String> ids;

        private ProcessedEvents(Path file, FileChannel channel, FileLock lock, Set<String> ids) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.ids = ids;
        }

        static ProcessedEvents open(Path store) throws IOException {
            Files.createDirectories(store);
            Path file = store.resolve("processed-event-ids");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another subscriber uses it");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Set<String> ids = new HashSet<>();
            String[] lines = text.split("\n", -1);
            // The last piece lacks its newline only when a crash cut it short: that event was not recorded.
            for (int i = 0; i < lines.length - 1; i++) {
                if (!lines[i].isBlank()) {
                    ids.add(lines[i].strip());
                }
            }
            if (!text.isEmpty() && !text.endsWith("\n")) {
                channel.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
            }
            return new ProcessedEvents(file, channel, lock, ids);
        }

        /** Records an eventId; false when it was handled before. */
        boolean add(String eventId) throws IOException {
            if (!ids.add(eventId)) {
                return false;
            }
            ByteBuffer line = ByteBuffer.wrap((eventId + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            return true;
        }

        void force() throws IOException {
            channel.force(false);
        }

        int size() {
            return ids.size();
        }

        Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.force(false);
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** The optional JSON-lines copy of what was printed (--output). */
    static final class OutputFile {
        private final FileChannel channel;

        private OutputFile(FileChannel channel) {
            this.channel = channel;
        }

        static OutputFile open(Path path) throws IOException {
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            return new OutputFile(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        }

        void append(String json) throws IOException {
            ByteBuffer line = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        }

        void flush() throws IOException {
            channel.force(false);
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to save
            }
        }
    }

    /** Command-line options, with the Kafka settings from the environment. */
    record Options(String bootstrap, String securityProtocol, String mechanism, String username, String password,
                   String topic, String group, Path store, Path output, String freelancer, int maxEvents, Duration idleTimeout) {

        static final String USAGE = """
                usage: bin/score-subscriber [options]
                  --group ID           consumer group (default score-subscriber; the principal may use score-subscriber*)
                  --store DIR          where the processed eventIds are kept (default $SUBSCRIBER_STORE, which
                                       bin/score-subscriber sets to .local/score-subscriber)
                  --output FILE        also append each change as a JSON line to FILE
                  --freelancer ID      only this freelancer's changes
                  --max-events N       stop after N new changes
                  --idle-timeout SECS  stop after SECS seconds without a record (counted from joining the group)
                  --topic NAME         default score-changed
                environment: KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092), KAFKA_SECURITY_PROTOCOL (SASL_PLAINTEXT),
                  KAFKA_SASL_MECHANISM (SCRAM-SHA-512), KAFKA_SASL_USERNAME (score-subscriber), KAFKA_SASL_PASSWORD""";

        /** The options, or null for --help. */
        static Options parse(String[] args, Map<String, String> env) {
            String group = env.getOrDefault("SUBSCRIBER_GROUP", "score-subscriber");
            String store = env.getOrDefault("SUBSCRIBER_STORE", "score-subscriber-store");
            String output = null;
            String freelancer = null;
            String topic = "score-changed";
            int maxEvents = 0;
            Duration idle = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--group" -> group = value;
                    case "--store" -> store = value;
                    case "--output" -> output = value;
                    case "--freelancer" -> freelancer = value;
                    case "--topic" -> topic = value;
                    case "--max-events" -> maxEvents = positive(arg, value);
                    case "--idle-timeout" -> idle = Duration.ofSeconds(positive(arg, value));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            String password = env.get("KAFKA_SASL_PASSWORD");
            String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            if (protocol.startsWith("SASL") && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException("KAFKA_SASL_PASSWORD is not set (bin/score-subscriber sets it from "
                        + ".local/kafka/credentials.env)");
            }
            return new Options(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), protocol,
                    env.getOrDefault("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"), env.getOrDefault("KAFKA_SASL_USERNAME", "score-subscriber"),
                    password, topic, group, Path.of(store), output == null ? null : Path.of(output), freelancer, maxEvents, idle);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
        }

        Map<String, Object> consumerConfig() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // At least once: this program commits, after handling; a new group starts at the oldest record.
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID().toString().substring(0, 8));
            config.put("security.protocol", securityProtocol);
            if (securityProtocol.startsWith("SASL")) {
                config.put("sasl.mechanism", mechanism);
                String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                        : "org.apache.kafka.common.security.plain.PlainLoginModule";
                config.put("sasl.jaas.config", module + " required username=\"" + jaas(username) + "\" password=\""
                        + jaas(password) + "\";");
            }
            return config;
        }

        private static String jaas(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
