package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.EventSchemas;
import io.restassured.http.ContentType;

/**
 * With Kafka down, ending a contract still succeeds and its contract-closed event waits in the
 * outbox; when Kafka is back the event goes out, once. Uses its own broker so it can stop it.
 */
class BrokerOutageIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void anEventWrittenWhileKafkaIsDownIsPublishedWhenKafkaIsBack() throws Exception {
        Path home = Files.createDirectories(ROOT.resolve("system-tests/target/outage-broker-" + UUID.randomUUID()));
        try (LocalBroker broker = new LocalBroker(ROOT, home, 19092)) {
            broker.start();
            Map<String, String> env = Map.of(
                    "DB_URL", "jdbc:postgresql://127.0.0.1:5432/contract_systest",
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(),
                    "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                    "OUTBOX_POLL_INTERVAL", "1s",
                    "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                    "QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            try (ServiceProcess contracts = ServiceProcess.start(ROOT, "contract-service", 18091, env)) {
                contracts.awaitReady(Duration.ofSeconds(90));
                String url = contracts.baseUrl();
                String client = "c-" + UUID.randomUUID();
                String freelancer = "f-" + UUID.randomUUID();
                String id = given().baseUri(url).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                        .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"HOURLY\",\"title\":\"Support\","
                                + "\"hourlyRateCents\":5000,\"weeklyLimitMinutes\":600}")
                        .post("/contracts").then().statusCode(201).extract().path("contractId");
                given().baseUri(url).header("Authorization", bearer(freelancer, "FREELANCER"))
                        .post("/contracts/{id}/accept", id).then().statusCode(200);

                // Accepting wrote contract-started: let it go out first, so the outbox holds only what the outage holds back.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        given().baseUri(url).get("/q/metrics").then().body(containsString("jobsuccess_outbox_backlog 0.0")));
                broker.stop();
                given().baseUri(url).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                        .body("{\"endReasonCode\":\"NO_LONGER_NEEDED\"}")
                        .post("/contracts/{id}/end", id).then().statusCode(200).body("status", equalTo("ENDED"));
                // The kafka health group reports the outage; readiness does not (the pod keeps taking writes, which wait
                // in the outbox).
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        given().baseUri(url).get("/q/health/group/kafka").then().statusCode(503));
                given().baseUri(url).get("/q/health/ready").then().statusCode(200);
                given().baseUri(url).get("/q/metrics").then().body(containsString("jobsuccess_kafka_reachable 0.0"));
                given().baseUri(url).get("/q/metrics").then().body(containsString("jobsuccess_outbox_backlog 1.0"));

                broker.start();
                List<ConsumerRecord<String, String>> records = readAll(broker.bootstrap(), freelancer, Duration.ofSeconds(60));
                assertEquals(1, records.size(), "the event is published once Kafka is back");
                EventSchemas.assertValid("contract-closed", records.getFirst().value());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        given().baseUri(url).get("/q/metrics").then().body(containsString("jobsuccess_outbox_backlog 0.0")));
                // and only once, even after more relay rounds
                Thread.sleep(3000);
                assertEquals(1, readAll(broker.bootstrap(), freelancer, Duration.ofSeconds(5)).size());
            }
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String key, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("contract-closed"));
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
                if (!found.isEmpty() && timeout.toSeconds() > 10) {
                    break;
                }
            }
        }
        return found;
    }
}
