package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * With Kafka down, all three services stay ready and take writes: contract-service ends a contract, feedback-service
 * takes both parties' feedback on two contracts, score-service places an account hold. Their events wait in the
 * outboxes; once Kafka is back every one is published (a record sent twice keeps its eventId) and applied once by
 * each service that reads it (its inbox holds each eventId once): feedback-service
 * opens the window of the contract ended during the outage, and score-service gives the freelancer the score the
 * feedback makes. Uses its own broker so it can stop it.
 */
class BrokerOutageIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final List<String> TOPICS = List.of("contract-started", "contract-payment-recorded", "contract-closed",
            "contract-earnings-adjusted", "contract-dormancy-notice", "feedback-submitted", "feedback-revealed",
            "feedback-window-closed", "client-flag-changed", "score-changed", "feedback-removal-decided");
    private static final String STARS = "\"public\":{\"scores\":{\"skills\":5,\"quality\":5,\"availability\":5,\"deadlines\":5,"
            + "\"communication\":5,\"cooperation\":5}}";

    @Test
    void allThreeServicesStayReadyAndTakeWritesWhileKafkaIsDownAndDeliverEveryEventOnceAfter() throws Exception {
        Path home = Files.createDirectories(ROOT.resolve("system-tests/target/outage-broker-" + UUID.randomUUID()));
        try (LocalBroker broker = new LocalBroker(ROOT, home, 19092, 3)) {
            broker.start();
            try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                kafka.createTopics(TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
            }
            try (ServiceProcess contracts = start("contract-service", 18091, broker);
                 ServiceProcess feedback = start("feedback-service", 18092, broker);
                 ServiceProcess scores = start("score-service", 18093, broker)) {
                List<ServiceProcess> all = List.of(contracts, feedback, scores);
                for (ServiceProcess s : all) {
                    s.awaitReady(Duration.ofSeconds(180));
                }
                String freelancer = "f-" + UUID.randomUUID();
                String client1 = "c-" + UUID.randomUUID();
                String client2 = "c-" + UUID.randomUUID();
                // Two jobs ended, their windows open in feedback-service, before the outage.
                String job1 = endedJob(contracts.baseUrl(), client1, freelancer);
                String job2 = endedJob(contracts.baseUrl(), client2, freelancer);
                await().atMost(Duration.ofSeconds(60)).until(() -> count("feedback", "SELECT count(*) FROM feedback_window WHERE contract_id IN ('"
                        + job1 + "','" + job2 + "')") == 2);
                for (ServiceProcess s : all) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            given().baseUri(s.baseUrl()).get("/q/metrics").then().body(containsString("jobsuccess_outbox_backlog 0.0")));
                }

                broker.stop();
                for (ServiceProcess s : all) {
                    await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                            given().baseUri(s.baseUrl()).get("/q/health/group/kafka").then().statusCode(503));
                }
                // Writes, each 2xx, into the outboxes.
                String job3 = endedJob(contracts.baseUrl(), "c-" + UUID.randomUUID(), freelancer);
                for (String[] job : List.of(new String[] {job1, client1}, new String[] {job2, client2})) {
                    as(job[1], "CLIENT").baseUri(feedback.baseUrl())
                            .body("{" + STARS + ",\"private\":{\"recommendScore\":10,\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}}")
                            .post("/contracts/{id}/feedback", job[0]).then().statusCode(201);
                    as(freelancer, "FREELANCER").baseUri(feedback.baseUrl())
                            .body("{" + STARS + ",\"private\":{\"recommendScore\":9,\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}}")
                            .post("/contracts/{id}/feedback", job[0]).then().statusCode(201);
                }
                as("ops-1", "PLATFORM").baseUri(scores.baseUrl())
                        .body("{\"reason\":\"outage test\",\"until\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}")
                        .put("/freelancers/{id}/account-hold", freelancer).then().statusCode(200);
                // A while into the outage: still ready, every one (the broker's absence is reported apart).
                Thread.sleep(5000);
                for (ServiceProcess s : all) {
                    given().baseUri(s.baseUrl()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                    given().baseUri(s.baseUrl()).get("/q/metrics").then().body(containsString("jobsuccess_kafka_reachable 0.0"));
                }
                assertTrue(count("contract", "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") >= 1);
                assertTrue(count("feedback", "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") >= 4);

                broker.start();
                for (String db : List.of("contract", "feedback", "score")) {
                    await().atMost(Duration.ofSeconds(120)).until(() -> count(db, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
                }
                // Consumed: the window of the contract ended during the outage opens, and the feedback makes the score.
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        count("feedback", "SELECT count(*) FROM feedback_window WHERE contract_id = '" + job3 + "'") == 1);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        as(freelancer, "FREELANCER").baseUri(scores.baseUrl()).get("/freelancers/{id}/score", freelancer)
                                .then().statusCode(200).body("jss", equalTo(100)));

                // Every event written is on its topic exactly once, and each consuming service applied the ones it reads.
                Map<String, String> written = new HashMap<>();
                for (String db : List.of("contract", "feedback", "score")) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
                    written.putAll(outbox(db));
                }
                // At least once: a relay round that gave up on acknowledgements Kafka sent anyway (the broker coming back
                // mid-round) sends its batch again, under the same eventIds, which the consumers' inboxes drop.
                Map<String, Integer> published = recordsByEventId(broker.bootstrap());
                int records = 0;
                for (var event : written.entrySet()) {
                    int copies = published.getOrDefault(event.getKey(), 0);
                    assertTrue(copies >= 1, event.getValue() + " " + event.getKey() + " published");
                    records += copies;
                }
                assertEquals(written.keySet(), published.keySet(), "nothing on the topics that no outbox wrote");
                System.out.printf("BrokerOutageIT: %d events written, %d records published (one eventId each)%n", written.size(), records);
                // Consumed: each consuming group has committed every record of every topic it reads (lag 0; an event a
                // service has no use for is read and skipped), and every contract-closed is in both inboxes, each once
                // (their key).
                for (ServiceProcess consumer : List.of(feedback, scores)) {
                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                        String metrics = given().baseUri(consumer.baseUrl()).get("/q/metrics").then().extract().asString();
                        List<String> lags = metrics.lines().filter(l -> l.startsWith("jobsuccess_consumer_lag{")).toList();
                        assertTrue(!lags.isEmpty() && lags.stream().allMatch(l -> l.endsWith(" 0.0")), "no lag: " + lags);
                    });
                }
                Set<String> appliedByScore = inbox("score");
                Set<String> appliedByFeedback = inbox("feedback");
                for (var event : written.entrySet()) {
                    // (a freelancer's feedback on the client is read and skipped: the score rests on the client's)
                    if (event.getValue().equals("contract-closed")) {
                        assertTrue(appliedByScore.contains(event.getKey()), "score-service applied " + event);
                    }
                    if (event.getValue().equals("contract-closed")) {
                        assertTrue(appliedByFeedback.contains(event.getKey()), "feedback-service applied " + event);
                    }
                }
                assertTrue(written.values().containsAll(List.of("contract-closed", "feedback-submitted", "feedback-revealed",
                        "score-changed")), "the outage's writes made events of all three services: " + new HashSet<>(written.values()));
            }
        }
    }

    private static ServiceProcess start(String service, int port, LocalBroker broker) throws Exception {
        String db = service.replace("-service", "");
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + db + "_systest",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(),
                "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                "OUTBOX_POLL_INTERVAL", "1s",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true"));
        if (service.equals("score-service")) {
            env.put("SNAPSHOT_CRON", "off");
            env.put("JOBSUCCESS_SCORE_SNAPSHOT_CATCH_UP_AT_START", "false");
        }
        return ServiceProcess.start(ROOT, service, port, env);
    }

    private static RequestSpecification as(String user, String role) {
        return given().header("Authorization", bearer(user, role)).contentType(ContentType.JSON);
    }

    /** A $500 milestone hired, funded, approved and ended, each step 2xx; returns the contract id. */
    private static String endedJob(String url, String client, String freelancer) {
        String id = as(client, "CLIENT").baseUri(url).body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\","
                        + "\"title\":\"Logo\",\"milestones\":[{\"description\":\"Logo\",\"amountCents\":50000}]}")
                .post("/contracts").then().statusCode(201).extract().path("contractId");
        as(freelancer, "FREELANCER").baseUri(url).post("/contracts/{id}/accept", id).then().statusCode(200);
        String milestone = as(client, "CLIENT").baseUri(url).get("/contracts/{id}/milestones", id).then().statusCode(200)
                .extract().path("[0].milestoneId");
        as(client, "CLIENT").baseUri(url).post("/contracts/{id}/milestones/{m}/fund", id, milestone).then().statusCode(200);
        as(client, "CLIENT").baseUri(url).post("/contracts/{id}/milestones/{m}/approve", id, milestone).then().statusCode(200);
        as(client, "CLIENT").baseUri(url).body("{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}")
                .post("/contracts/{id}/end", id).then().statusCode(200).body("status", equalTo("ENDED"));
        return id;
    }

    private static Connection connect(String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db + "_systest", "jobsuccess", "jobsuccess");
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The service's events: eventId to topic. */
    private static Map<String, String> outbox(String db) throws Exception {
        Map<String, String> events = new HashMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id, topic FROM outbox_message")) {
            while (r.next()) {
                events.put(r.getString(1), r.getString(2));
            }
        }
        return events;
    }

    private static Set<String> inbox(String db) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id FROM inbox_message")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /** How many records of every topic carry each eventId (header). */
    private static Map<String, Integer> recordsByEventId(String bootstrap) {
        Map<String, Integer> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(TOPICS);
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
            for (ConsumerRecord<String, String> r : records) {
                var header = r.headers().lastHeader("eventId");
                if (header != null) {
                    found.merge(new String(header.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        return found;
    }
}
