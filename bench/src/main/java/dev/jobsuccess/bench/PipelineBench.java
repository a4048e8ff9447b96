package dev.jobsuccess.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.bench.BenchEvents.Contract;
import dev.jobsuccess.bench.BenchEvents.Event;

/**
 * The score-service pipeline benchmarks that bin/bench runs against a private broker and database (never the
 * shared ones): {@code topics}, {@code throughput}, {@code latency}, {@code scored-freelancer}, {@code snapshot}; and
 * {@code closed-contracts}, the feedback windows of bin/bench feedback.
 * Settings come from the environment bin/bench sets: BENCH_BOOTSTRAP, BENCH_DB_URL, BENCH_SCORE_URL,
 * BENCH_PLATFORM_TOKEN, BENCH_PARTITIONS. Each result is printed as one {@code result:} line.
 */
public final class PipelineBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSUMER = "score-service";

    private final String bootstrap = env("BENCH_BOOTSTRAP", "127.0.0.1:19092");
    private final String dbUrl = env("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/score_bench");
    private final String dbUser = env("BENCH_DB_USER", "jobsuccess");
    private final String dbPassword = env("BENCH_DB_PASSWORD", "jobsuccess");
    private final String scoreUrl = env("BENCH_SCORE_URL", "http://127.0.0.1:18083");
    private final int partitions = Integer.parseInt(env("BENCH_PARTITIONS", "12"));

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        PipelineBench bench = new PipelineBench();
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "topics" -> bench.topics();
            case "throughput" -> bench.throughput(intOpt(opts, "contracts", 10_000), intOpt(opts, "freelancers", 1_000),
                    intOpt(opts, "warmup", 20_000), intOpt(opts, "timeout", 240));
            case "latency" -> bench.latency(intOpt(opts, "rate", 1_000), intOpt(opts, "seconds", 20),
                    intOpt(opts, "warmup", 30), intOpt(opts, "group", 50), intOpt(opts, "timeout", 30));
            case "scored-freelancer" -> System.out.println(bench.scoredFreelancer());
            case "closed-contracts" -> bench.closedContracts(opts.getOrDefault("prefix", "fb"), intOpt(opts, "contracts", 60_000),
                    intOpt(opts, "clients", 100), intOpt(opts, "freelancers", 100), opts.getOrDefault("group", "feedback-service"),
                    intOpt(opts, "timeout", 300));
            case "snapshot" -> bench.snapshot(LocalDate.parse(opts.getOrDefault("date", LocalDate.now(ZoneOffset.UTC).toString())),
                    env("BENCH_PLATFORM_TOKEN", null), intOpt(opts, "timeout", 300));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: PipelineBench topics | throughput [contracts= freelancers= timeout=] | "
                + "latency [rate= seconds= warmup= group= timeout=] | scored-freelancer | snapshot [date=YYYY-MM-DD timeout=] | "
                + "closed-contracts [prefix= contracts= clients= freelancers= group= timeout=]");
        System.exit(2);
    }

    // ---------------------------------------------------------------- topics

    /** Creates every topic score-service uses with BENCH_PARTITIONS partitions (idempotent). */
    void topics() throws Exception {
        try (Admin admin = admin()) {
            List<NewTopic> topics = BenchEvents.ALL_TOPICS.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.printf("topics: %d created with %d partitions on %s%n", topics.size(), partitions, bootstrap);
        }
    }

    // ---------------------------------------------------------------- closed contracts (feedback-service)

    /**
     * Produces {@code contracts} contract-closed events (contract {@code prefix-k-i} between client
     * {@code prefix-c-(i % clients)} and freelancer {@code prefix-f-(i % freelancers)}, ended an hour ago, so each
     * opens a feedback window) and waits until {@code group} has committed them all; prints the consumer's rate.
     */
    void closedContracts(String prefix, int contracts, int clients, int freelancers, String group, int timeoutSeconds)
            throws Exception {
        Instant ended = Instant.now().minus(Duration.ofHours(1));
        long p0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(false)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(contracts);
            for (int i = 0; i < contracts; i++) {
                Contract c = new Contract(prefix + "-k-" + i, prefix + "-f-" + (i % freelancers), prefix + "-c-" + (i % clients),
                        ended.minusMillis(i), 5_000 + (i * 7_919L) % 300_000, 5, 9);
                Event e = BenchEvents.contractClosed(c);
                acks.add(producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json())));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        double produced = (System.nanoTime() - p0) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> end = endOffsets(admin, List.of(BenchEvents.CONTRACT_CLOSED));
            while (!committedAll(admin, group, end)) {
                if (System.nanoTime() > deadline) {
                    System.out.printf("result: feedback contract-closed TIMEOUT: %s has not consumed %d events in %d s%n", group,
                            contracts, timeoutSeconds);
                    System.exit(1);
                }
                Thread.sleep(20);
            }
        }
        double consumed = (System.nanoTime() - p0) / 1e9;
        System.out.printf("result: feedback contract-closed %d events produced in %.2f s, all consumed by %s after %.2f s = %.0f events/s%n",
                contracts, produced, group, consumed, contracts / consumed);
    }

    // ---------------------------------------------------------------- throughput

    /**
     * Produces every contract's three events (score-service, running, starts on them at once), waits until its inbox
     * holds them all, then runs the bare loop over the same records; prints both rates and their ratio.
     */
    void throughput(int contracts, int freelancers, int warmupContracts, int timeoutSeconds) throws Exception {
        Instant now = Instant.now();
        // The warm-up's events come first on every partition: both consumers apply them before the measured ones, and
        // each is timed from the moment it has applied as many events as the warm-up holds.
        List<Event> warmup = throughputEvents("bw", warmupContracts, freelancers, now);
        List<Event> measured = throughputEvents("bt", contracts, freelancers, now);
        List<Event> events = new ArrayList<>(warmup);
        events.addAll(measured);
        long baseline = inboxCount();
        long expected = baseline + events.size();

        Instant produceStart = Instant.now();
        long p0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(false)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
            for (Event e : events) {
                acks.add(producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json())));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        double produceSeconds = (System.nanoTime() - p0) / 1e9;
        System.out.printf("throughput: produced %d events (a warm-up of %d, then %d: %d contracts, %d freelancers) in %.2f s = %.0f events/s%n",
                events.size(), warmup.size(), measured.size(), contracts, freelancers, produceSeconds, events.size() / produceSeconds);

        // score-service: from the claim of its first event past the warm-up's count (inbox processed_at) to the moment its
        // consumer group has committed every offset (read from the broker every 20 ms: counting the inbox that often
        // would load the database score-service is using); then the inbox must hold every event.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long count;
        Instant done;
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> end = endOffsets(admin);
            while (true) {
                if (committedAll(admin, "score-service", end)) {
                    done = Instant.now();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    done = null;
                    break;
                }
                Thread.sleep(20);
            }
        }
        count = inboxCount();
        if (done == null) {
            System.out.printf("result: throughput score-service TIMEOUT applied=%d of %d after %d s%n", count - baseline,
                    events.size(), timeoutSeconds);
        }
        double scoreRate = Double.NaN;
        if (done != null) {
            Instant first = count > baseline + warmup.size() ? firstProcessedAfter(baseline + warmup.size()) : produceStart;
            if (count < expected) {
                System.out.printf("throughput: inbox holds %d of %d events; timed from production start to lag 0%n",
                        count - baseline, events.size());
            }
            double seconds = Duration.between(first, done).toNanos() / 1e9;
            scoreRate = measured.size() / seconds;
            System.out.printf("result: throughput score-service %d events in %.2f s = %.0f events/s (after a warm-up of %d)%n",
                    measured.size(), seconds, scoreRate, warmup.size());
            long lag = lag("score-service");
            System.out.printf("throughput: consumer group score-service lag %d%n", lag);
        }

        double bareRate = bareLoop(events.size(), warmup.size(), timeoutSeconds);
        System.out.printf("result: throughput ratio score/bare = %.3f%n", scoreRate / bareRate);
    }

    /** {@code contracts} closed contracts over {@code freelancers} freelancers, three events each, ids starting with {@code prefix}. */
    private static List<Event> throughputEvents(String prefix, int contracts, int freelancers, Instant now) {
        List<Event> events = new ArrayList<>(contracts * 3);
        for (int i = 0; i < contracts; i++) {
            int f = i % freelancers;
            int k = i / freelancers;
            // Ended over the last ~23 months, so every window has some; about one contract in eight is unhappy.
            Instant ended = now.minus(Duration.ofDays(3 + (long) ((i * 7919L) % 700)));
            boolean unhappy = Math.floorMod(i * 37 + k * 11, 8) == 0;
            Contract c = new Contract(prefix + "-k-" + i, prefix + "-f-" + f, prefix + "-c-" + ((f * 13 + k) % 2_000), ended,
                    5_000 + (i * 7_919L) % 300_000, unhappy ? 2 : 5, unhappy ? 3 : 9 + (i % 2));
            events.addAll(BenchEvents.of(c));
        }
        return events;
    }

    /** A plain consumer that upserts each polled batch into bench_event with one statement and one commit. */
    double bareLoop(int expected, int warmup, int timeoutSeconds) throws Exception {
        try (Connection db = db(); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_event (event_id uuid PRIMARY KEY, topic text NOT NULL, key text, payload jsonb NOT NULL)");
            s.execute("TRUNCATE bench_event");
        }
        Properties p = consumerProps("bench-bare-" + System.currentTimeMillis());
        long inserted = 0;
        long t0 = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p); Connection db = db()) {
            db.setAutoCommit(false);
            consumer.subscribe(BenchEvents.INPUT_TOPICS);
            Map<Integer, String> sqlBySize = new HashMap<>();
            while (inserted < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                int n = records.count();
                if (t0 == 0 && inserted + n > warmup) {
                    t0 = System.nanoTime();  // the poll that holds the first event past the warm-up's count
                }
                String sql = sqlBySize.computeIfAbsent(n, size -> "INSERT INTO bench_event (event_id, topic, key, payload) VALUES "
                        + String.join(",", java.util.Collections.nCopies(size, "(?::uuid, ?, ?, ?::jsonb)"))
                        + " ON CONFLICT DO NOTHING");
                try (PreparedStatement insert = db.prepareStatement(sql)) {
                    int i = 1;
                    for (ConsumerRecord<String, String> r : records) {
                        // The event id is in the JSON; reading it is part of the work a consumer does.
                        insert.setString(i++, JSON.readTree(r.value()).get("eventId").asText());
                        insert.setString(i++, r.topic());
                        insert.setString(i++, r.key());
                        insert.setString(i++, r.value());
                    }
                    inserted += insert.executeUpdate();
                }
                db.commit();
                consumer.commitSync();
            }
        }
        if (inserted < expected) {
            System.out.printf("result: throughput bare-loop TIMEOUT inserted=%d of %d%n", inserted, expected);
            return Double.NaN;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = (expected - warmup) / seconds;
        System.out.printf("result: throughput bare-loop %d events in %.2f s = %.0f events/s (after a warm-up of %d)%n",
                expected - warmup, seconds, rate, warmup);
        return rate;
    }

    // ---------------------------------------------------------------- latency

    /**
     * At a fixed offered rate, new freelancers each get two contracts with two clients: contract-closed, the client's
     * feedback-submitted and feedback-revealed for each. Feedback counts only once revealed and a score needs two
     * counted contracts from two clients (domain.md §d.3.4-5), so the freelancer's first score appears only after
     * their last event, the second reveal. Freelancers go in groups: each step (C1 closed, C2 closed, FS1, FS2, FR1,
     * FR2) for the whole group, then the next step, so a freelancer's events are spread over time.
     * Latency = receipt of the freelancer's first score-changed with a score - send time of their last event.
     */
    void latency(int rate, int seconds, int warmupSeconds, int group, int timeoutSeconds) throws Exception {
        Map<String, String> lastEventOf = new ConcurrentHashMap<>();
        // freelancer -> {receivedNanos, causeIsLastEvent, relay's send time (record timestamp, ms), received wall time (µs)}
        Map<String, long[]> firstScore = new ConcurrentHashMap<>();

        // The score-changed reader: every partition from its current end, no group. One reader and one producer serve
        // the warm-up and the measured run, so the measure is not of this load generator's own JIT warming up.
        AtomicBoolean stop = new AtomicBoolean();
        KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerProps(null));
        List<TopicPartition> tps = reader.partitionsFor(BenchEvents.SCORE_CHANGED).stream()
                .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
        reader.assign(tps);
        reader.seekToEnd(tps);
        tps.forEach(reader::position);
        Thread readerThread = Thread.ofPlatform().name("score-changed-reader").start(() -> {
            try (reader) {
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(50))) {
                        long received = System.nanoTime();
                        long receivedWall = wallMicros();
                        String last = lastEventOf.get(r.key());
                        if (last == null || firstScore.containsKey(r.key())) {
                            continue;
                        }
                        try {
                            JsonNode e = JSON.readTree(r.value());
                            if (e.path("current").path("jss").isNull() || e.path("current").path("jss").isMissingNode()) {
                                continue;
                            }
                            boolean causeIsLast = last.equals(e.path("cause").path("eventId").asText());
                            firstScore.putIfAbsent(r.key(), new long[] {received, causeIsLast ? 1 : 0, r.timestamp(), receivedWall});
                        } catch (Exception ignored) {
                            // not JSON: not ours
                        }
                    }
                }
            }
        });
        try (KafkaProducer<String, String> producer = producer(true)) {
            if (warmupSeconds > 0) {
                latencyRound("warm-up", producer, lastEventOf, firstScore, rate, warmupSeconds, group, timeoutSeconds);
            }
            latencyRound("result", producer, lastEventOf, firstScore, rate, seconds, group, timeoutSeconds);
        } finally {
            stop.set(true);
            readerThread.join();
        }
    }

    /** One round of new freelancers at the offered rate; prints its percentiles on a line starting with {@code label}. */
    private void latencyRound(String label, KafkaProducer<String, String> producer, Map<String, String> lastEventOf,
                              Map<String, long[]> firstScore, int rate, int seconds, int group, int timeoutSeconds)
            throws Exception {
        int total = rate * seconds;
        int freelancers = Math.max(1, total / 6);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Instant now = Instant.now();
        List<List<Event>> perFreelancer = new ArrayList<>();
        for (int f = 0; f < freelancers; f++) {
            String fid = "lt-" + run + "-f-" + f;
            Contract c1 = new Contract("lt-" + run + "-k-" + f + "-1", fid, "lt-c-" + (f % 500), now.minus(Duration.ofDays(9)), 60_000, 5, 10);
            Contract c2 = new Contract("lt-" + run + "-k-" + f + "-2", fid, "lt-c-" + ((f + 1) % 500 + 500), now.minus(Duration.ofDays(5)), 120_000, 5, 9);
            perFreelancer.add(List.of(BenchEvents.contractClosed(c1), BenchEvents.contractClosed(c2),
                    BenchEvents.clientFeedbackSubmitted(c1), BenchEvents.clientFeedbackSubmitted(c2),
                    BenchEvents.clientFeedbackRevealed(c1), BenchEvents.clientFeedbackRevealed(c2)));
        }
        List<Event> schedule = new ArrayList<>(freelancers * 6);
        for (int g = 0; g < freelancers; g += group) {
            for (int step = 0; step < 6; step++) {
                for (int f = g; f < Math.min(freelancers, g + group); f++) {
                    schedule.add(perFreelancer.get(f).get(step));
                }
            }
        }
        Set<String> ours = new HashSet<>();
        for (List<Event> events : perFreelancer) {
            lastEventOf.put(events.getLast().key(), events.getLast().eventId());
            ours.add(events.getLast().key());
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> sentWallMicros = new ConcurrentHashMap<>();

        System.out.printf("latency (%s): %d events for %d freelancers at %d events/s (%d s), groups of %d%n",
                label, schedule.size(), freelancers, rate, seconds, group);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        long late = 0;
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -5_000_000) {
                late++;
            }
            Event e = schedule.get(i);
            long t = System.nanoTime();
            if (e.eventId().equals(lastEventOf.get(e.key()))) {
                sentAt.put(e.key(), t);
                sentWallMicros.put(e.key(), wallMicros());
            }
            producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json()));
        }
        producer.flush();
        double actualRate = schedule.size() / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!firstScore.keySet().containsAll(ours) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<String, long[]> seen = new HashMap<>();
        ours.forEach(f -> {
            long[] s = firstScore.get(f);
            if (s != null) {
                seen.put(f, s);
            }
        });
        List<Double> ms = new ArrayList<>();
        int causeMatches = 0;
        for (var entry : seen.entrySet()) {
            ms.add((entry.getValue()[0] - sentAt.get(entry.getKey())) / 1e6);
            causeMatches += (int) entry.getValue()[1];
        }
        ms.sort(null);
        System.out.printf("latency (%s): offered %.0f events/s (%d sends more than 5 ms late); %d of %d first scores name the last event as cause%n",
                label, actualRate, late, causeMatches, ms.size());
        System.out.printf("%s: latency p50=%.0f ms p90=%.0f ms p99=%.0f ms max=%.0f ms, no score within %d s: %d of %d freelancers%n",
                label, pct(ms, 0.50), pct(ms, 0.90), pct(ms, 0.99), ms.isEmpty() ? Double.NaN : ms.getLast(), timeoutSeconds,
                freelancers - ms.size(), freelancers);
        if (label.equals("result")) {
            stages(lastEventOf, sentWallMicros, seen);
        }
    }

    /**
     * Where a first score's time went, from the clocks of this host: the bench's send, score-service's inbox claim
     * (start of the poll's transaction) and outbox row (end of it), the relay's send (the score-changed record's
     * timestamp), the relay's mark as sent (after the broker's ack) and this reader's receipt. BENCH_STAGES_CSV names a
     * file to write each freelancer's times to (µs since the epoch).
     */
    private void stages(Map<String, String> lastEventOf, Map<String, Long> sentWallMicros, Map<String, long[]> firstScore)
            throws SQLException, java.io.IOException {
        Map<String, List<Double>> stage = new java.util.LinkedHashMap<>();
        for (String name : List.of("send->claim", "claim->outbox row", "outbox row->relay send", "relay send->received", "relay send->acked")) {
            stage.put(name, new ArrayList<>());
        }
        String csv = System.getenv("BENCH_STAGES_CSV");
        StringBuilder rowsOut = new StringBuilder("sent_us,claim_us,row_us,relay_send_us,received_us,acked_us\n");
        Map<String, long[]> stored = new HashMap<>();  // freelancer -> {claim, outbox row, acked} of their first score
        try (Connection db = db(); PreparedStatement q = db.prepareStatement("""
                SELECT o.message_key, i.processed_at, o.created_at, o.sent_at FROM outbox_message o
                JOIN inbox_message i ON i.event_id = (o.payload::jsonb -> 'cause' ->> 'eventId')::uuid
                WHERE o.topic = 'score-changed' AND o.message_key = ANY (?) AND i.event_id = ANY (?::uuid[])
                  AND o.payload::jsonb -> 'current' ->> 'jss' IS NOT NULL
                ORDER BY o.seq""")) {
            q.setArray(1, db.createArrayOf("text", firstScore.keySet().toArray()));
            q.setArray(2, db.createArrayOf("text", firstScore.keySet().stream().map(lastEventOf::get).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.putIfAbsent(rs.getString(1), new long[] {micros(rs.getTimestamp(2)), micros(rs.getTimestamp(3)),
                            micros(rs.getTimestamp(4))});
                }
            }
        }
        for (var entry : firstScore.entrySet()) {
            String freelancer = entry.getKey();
            long[] seen = entry.getValue();
            long[] times = stored.get(freelancer);
            if (times == null) {
                continue;
            }
            long claim = times[0], row = times[1], acked = times[2];
            long relaySend = seen[2] * 1000;
            stage.get("send->claim").add((claim - sentWallMicros.get(freelancer)) / 1e3);
            stage.get("claim->outbox row").add((row - claim) / 1e3);
            stage.get("outbox row->relay send").add((relaySend - row) / 1e3);
            stage.get("relay send->received").add((seen[3] - relaySend) / 1e3);
            stage.get("relay send->acked").add((acked - relaySend) / 1e3);
            rowsOut.append(sentWallMicros.get(freelancer)).append(',').append(claim).append(',').append(row).append(',')
                    .append(relaySend).append(',').append(seen[3]).append(',').append(acked).append('\n');
        }
        if (csv != null && !csv.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(csv), rowsOut);
        }
        for (var entry : stage.entrySet()) {
            List<Double> ms = entry.getValue();
            ms.sort(null);
            System.out.printf("latency stage %-24s p50=%6.1f ms p90=%6.1f ms p99=%6.1f ms (n=%d)%n", entry.getKey(),
                    pct(ms, 0.5), pct(ms, 0.9), pct(ms, 0.99), ms.size());
        }
    }

    private static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static long micros(Timestamp t) {
        return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1_000;
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    // ---------------------------------------------------------------- reads helper

    /** A freelancer with a score; when there is none yet, one is made from six events and awaited. */
    String scoredFreelancer() throws Exception {
        String found = anyScored();
        if (found != null) {
            return found;
        }
        Instant now = Instant.now();
        String fid = "rd-f-1";
        try (KafkaProducer<String, String> producer = producer(true)) {
            for (Contract c : List.of(new Contract("rd-k-1", fid, "rd-c-1", now.minus(Duration.ofDays(9)), 60_000, 5, 10),
                    new Contract("rd-k-2", fid, "rd-c-2", now.minus(Duration.ofDays(5)), 120_000, 5, 9))) {
                for (Event e : BenchEvents.of(c)) {
                    producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json())).get();
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if ((found = anyScored()) != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no freelancer got a score within 60 s");
    }

    private String anyScored() throws SQLException {
        try (Connection db = db(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT freelancer_id FROM freelancer_score WHERE jss IS NOT NULL ORDER BY freelancer_id LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    // ---------------------------------------------------------------- snapshot

    /** POST /admin/snapshots for one date (synchronous), timed; the freelancers are those the snapshot looks at. */
    void snapshot(LocalDate date, String token, int timeoutSeconds) throws Exception {
        if (token == null) {
            throw new IllegalStateException("BENCH_PLATFORM_TOKEN is not set");
        }
        long candidates;
        try (Connection db = db(); PreparedStatement s = db.prepareStatement(
                "SELECT count(DISTINCT freelancer_id) FROM contract_fact WHERE ended_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(date.minusMonths(25).atStartOfDay(ZoneOffset.UTC).toInstant()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                candidates = rs.getLong(1);
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(scoreUrl + "/admin/snapshots"))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + date + "\"}")).build();
        for (String pass : List.of("first", "again")) {
            long scoresBefore = scoreRows();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /admin/snapshots answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf("result: snapshot %s (%s) %d freelancers in %.2f s = %.0f freelancers/s (score rows %d -> %d)%n",
                    date, pass, candidates, seconds, candidates / seconds, scoresBefore, scoreRows());
        }
    }

    private long scoreRows() throws SQLException {
        try (Connection db = db(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM freelancer_score WHERE jss IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private long inboxCount() throws SQLException {
        try (Connection db = db(); PreparedStatement s = db.prepareStatement("SELECT count(*) FROM inbox_message WHERE consumer = ?")) {
            s.setString(1, CONSUMER);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** processed_at of the first inbox row of this run (rows beyond the {@code skip} already there). */
    private Instant firstProcessedAfter(long skip) throws SQLException {
        try (Connection db = db(); PreparedStatement s = db.prepareStatement(
                "SELECT processed_at FROM inbox_message WHERE consumer = ? ORDER BY processed_at OFFSET ? LIMIT 1")) {
            s.setString(1, CONSUMER);
            s.setLong(2, skip);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /** The latest offset of every input partition. */
    private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        return endOffsets(admin, BenchEvents.INPUT_TOPICS);
    }

    /** The latest offset of every partition of these topics. */
    private Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Whether the group has committed every partition up to these offsets. */
    private static boolean committedAll(Admin admin, String groupId, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        for (var e : end.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The consumer group's total lag over the input topics. */
    private long lag(String groupId) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : BenchEvents.INPUT_TOPICS) {
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo info = e.getValue();
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += info.offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    private KafkaProducer<String, String> producer(boolean lowLatency) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, lowLatency ? "0" : "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, lowLatency ? "16384" : "262144");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private Properties consumerProps(String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected name=value, got " + a);
            }
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    private static int intOpt(Map<String, String> opts, String name, int fallback) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : fallback;
    }
}
