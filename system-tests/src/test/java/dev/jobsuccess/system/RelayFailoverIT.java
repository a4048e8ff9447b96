package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two contract-service processes on one database: while both take writes, the one that relays is killed with kill -9,
 * writes go on through the other, and the other relays within 10 s of the kill (the measured figure is printed). Every
 * written event reaches Kafka; one that went out twice (sent, then its mark lost with the killed process) carries the
 * same eventId both times. The demo clock moved on one replica is the other's too. Its own broker.
 */
class RelayFailoverIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/contract_systest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One write the service acknowledged: the contract whose acceptance wrote contract-started. */
    private record Written(String contractId, long atNanos) {}

    @Test
    void theRelayMovesToTheOtherReplicaWithinTenSecondsOfAKill() throws Exception {
        Path home = Files.createDirectories(ROOT.resolve("system-tests/target/failover-broker-" + UUID.randomUUID()));
        try (LocalBroker broker = new LocalBroker(ROOT, home, 19392)) {
            broker.start();
            try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                kafka.createTopics(List.of(new NewTopic("contract-started", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL", DB,
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(),
                    "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                    "OUTBOX_POLL_INTERVAL", "1s",
                    "CLOCK_ADJUSTABLE", "true", // a demo, as bin/up runs it: PLATFORM may move the clock
                    "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                    "QUARKUS_FLYWAY_CLEAN_AT_START", "true"));
            ServiceProcess a = ServiceProcess.start(ROOT, "contract-service", 18391, env);
            ServiceProcess b = null;
            EventReader reader = new EventReader(broker.bootstrap());
            try {
                a.awaitReady(Duration.ofSeconds(120));
                env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "false"); // the second replica joins the first's database
                b = ServiceProcess.start(ROOT, "contract-service", 18392, env);
                b.awaitReady(Duration.ofSeconds(120));

                oneClockForBothReplicas(a, b);
                reader.start();

                // Writes through both replicas, until one of them is seen relaying while writes flow.
                Map<String, Written> written = new ConcurrentHashMap<>();
                ServiceProcess[] replicas = {a, b};
                ServiceProcess holder = null;
                double[] before = {published(a), published(b)};
                for (int i = 0; holder == null && i < 200; i++) {
                    write(replicas[i % 2], written);
                    if (i >= 20 && i % 10 == 0) {
                        double[] now = {published(a), published(b)};
                        double gainA = now[0] - before[0];
                        double gainB = now[1] - before[1];
                        if (gainA > 0 || gainB > 0) {
                            holder = gainA >= gainB ? a : b;
                        }
                        before = now;
                    }
                }
                assertTrue(holder != null, "one replica relayed while writes flowed");
                ServiceProcess survivor = holder == a ? b : a;

                // Keep writing through both until the kill, so the victim dies with work in hand.
                AtomicBoolean writing = new AtomicBoolean(true);
                ServiceProcess victim = holder;
                Thread victimWrites = Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        try {
                            write(victim, written);
                        } catch (Exception e) {
                            return; // killed mid-request: its outcome is unknown, so it is not counted as written
                        }
                    }
                });
                Thread.sleep(500);
                long killedAt = System.nanoTime();
                victim.kill();
                writing.set(false);
                victimWrites.join(10_000);
                Set<String> writtenBeforeKill = new HashSet<>(written.keySet());

                // Writes go on through the survivor; the relay has failed over once an event written after the kill, and
                // every event acknowledged before it, are on Kafka.
                Set<String> writtenAfterKill = new HashSet<>();
                long failedOverAt = 0;
                long deadline = killedAt + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    Map<String, Written> fresh = new HashMap<>();
                    write(survivor, fresh);
                    writtenAfterKill.addAll(fresh.keySet());
                    written.putAll(fresh);
                    Map<String, Long> arrived = reader.arrivals();
                    boolean postKillArrived = writtenAfterKill.stream().anyMatch(arrived::containsKey);
                    if (postKillArrived && arrived.keySet().containsAll(writtenBeforeKill)) {
                        failedOverAt = writtenAfterKill.stream().filter(arrived::containsKey).mapToLong(arrived::get).min().orElseThrow();
                        for (String id : writtenBeforeKill) {
                            failedOverAt = Math.max(failedOverAt, arrived.get(id));
                        }
                        break;
                    }
                    Thread.sleep(50);
                }
                assertTrue(failedOverAt != 0, "the survivor relayed within 30 s of the kill; see " + survivor.log().length());
                Duration failover = Duration.ofNanos(Math.max(0, failedOverAt - killedAt));
                System.out.printf("RelayFailoverIT: relay failed over %d ms after kill -9 of its holder"
                        + " (%d events written before the kill, %d after)%n", failover.toMillis(), writtenBeforeKill.size(),
                        writtenAfterKill.size());
                assertTrue(failover.compareTo(Duration.ofSeconds(10)) <= 0, "failover took " + failover);

                // Nothing lost: every event in the outbox is sent and on Kafka, every acknowledged write among them; an
                // event sent twice has one eventId.
                await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
                Map<String, String> outbox = outboxEvents();
                await().atMost(Duration.ofSeconds(60)).until(() -> reader.eventIds().containsAll(outbox.keySet()));
                assertEquals(outbox.keySet(), reader.eventIds(), "the topic holds exactly the outbox's events");
                Map<String, Set<String>> idsByContract = reader.eventIdsByContract();
                for (String contractId : written.keySet()) {
                    assertEquals(1, idsByContract.getOrDefault(contractId, Set.of()).size(),
                            "contract " + contractId + ": its contract-started arrived, under one eventId");
                }
                System.out.printf("RelayFailoverIT: %d records on the topic for %d events%n", reader.records(), outbox.size());
            } finally {
                reader.close();
                if (b != null) {
                    b.close();
                }
                a.close();
            }
        }
    }

    /** PUT /admin/clock on one replica moves the other's clock too (it is stored in their database). */
    private static void oneClockForBothReplicas(ServiceProcess a, ServiceProcess b) throws Exception {
        Instant pinned = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(200, send(a, "PUT", "/admin/clock", "{\"now\":\"" + pinned + "\",\"pinned\":true}").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                JSON.readTree(send(b, "GET", "/admin/clock", null).body()).get("now").asText().equals(pinned.toString()));
        // Time runs again, from now, on both.
        assertEquals(200, send(b, "PUT", "/admin/clock", "{\"now\":\"" + Instant.now() + "\",\"pinned\":false}").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> !JSON.readTree(send(a, "GET", "/admin/clock", null).body()).get("pinned").asBoolean());
    }

    /** One contract offered and accepted (which writes contract-started) through the replica; recorded once acknowledged. */
    private static void write(ServiceProcess replica, Map<String, Written> written) throws Exception {
        String client = "c-" + UUID.randomUUID();
        String freelancer = "f-" + UUID.randomUUID();
        HttpResponse<String> offer = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/contracts"))
                .header("Authorization", bearer(client, "CLIENT")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"HOURLY\","
                        + "\"title\":\"Support\",\"hourlyRateCents\":5000,\"weeklyLimitMinutes\":600}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, offer.statusCode(), offer.body());
        String id = JSON.readTree(offer.body()).get("contractId").asText();
        HttpResponse<String> accept = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/contracts/" + id + "/accept"))
                .header("Authorization", bearer(freelancer, "FREELANCER")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, accept.statusCode(), accept.body());
        written.put(id, new Written(id, System.nanoTime()));
    }

    private static HttpResponse<String> send(ServiceProcess replica, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                .header("Authorization", bearer("ops-1", "PLATFORM")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double published(ServiceProcess replica) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^jobsuccess_outbox_published_total(\\{[^}]*})? ([0-9.E+]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "jobsuccess", "jobsuccess"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The outbox's events: eventId to contractId. */
    private static Map<String, String> outboxEvents() throws Exception {
        Map<String, String> events = new HashMap<>();
        try (Connection c = DriverManager.getConnection(DB, "jobsuccess", "jobsuccess"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id, payload FROM outbox_message WHERE topic = 'contract-started'")) {
            while (r.next()) {
                events.put(r.getString(1), JSON.readTree(r.getString(2)).get("contractId").asText());
            }
        }
        return events;
    }

    /** Reads contract-started from the start, on its own thread, and notes when each contract's event first arrived. */
    private static final class EventReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Long> firstArrivalByContract = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> eventIdsByContract = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile long records;
        private Thread thread;

        EventReader(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "failover-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        }

        void start() {
            thread = Thread.ofPlatform().start(() -> {
                consumer.subscribe(List.of("contract-started"));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        try {
                            String contractId = JSON.readTree(r.value()).get("contractId").asText();
                            String eventId = new String(r.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8);
                            firstArrivalByContract.putIfAbsent(contractId, now);
                            eventIdsByContract.computeIfAbsent(contractId, k -> ConcurrentHashMap.newKeySet()).add(eventId);
                            records++;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                consumer.close();
            });
        }

        Map<String, Long> arrivals() {
            return firstArrivalByContract;
        }

        Set<String> eventIds() {
            Set<String> all = new HashSet<>();
            eventIdsByContract.values().forEach(all::addAll);
            return all;
        }

        Map<String, Set<String>> eventIdsByContract() {
            return eventIdsByContract;
        }

        long records() {
            return records;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            if (thread != null) {
                thread.join(10_000);
            }
        }
    }
}
