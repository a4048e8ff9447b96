package dev.jobsuccess.system;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.jobsuccess.commons.testing.KafkaTopics;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The swap test (issue 10): two worlds that differ only by swapping the private ratings of two clients on two contracts
 * that are otherwise alike publish the same score, and then everything the freelancer can read must be the same in
 * both, ids aside: every GET of the three services' OpenAPI documents the freelancer can call (listed from the
 * documents, so a new endpoint is covered without a new case), what-ifs on either contract and the advisor's plan and
 * sweep, errors included; and every record on every topic but feedback-submitted, which only score-service may read.
 */
class PrivateFeedbackSwapIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Both worlds run their steps at the same instants from here: timestamps cannot tell them apart. */
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> TOPICS = List.of("contract-started", "contract-payment-recorded", "contract-closed",
            "contract-earnings-adjusted", "feedback-revealed", "feedback-window-closed", "client-flag-changed", "score-changed");

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static final Map<String, String> URLS = new LinkedHashMap<>();

    @BeforeAll
    static void startServices() throws Exception {
        String[][] services = {{"contract-service", "18111", "contract_systest"}, {"feedback-service", "18112", "feedback_systest"},
                {"score-service", "18113", "score_systest"}};
        for (String[] s : services) {
            Map<String, String> env = new HashMap<>();
            env.put("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + s[2]);
            env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTopics.BOOTSTRAP);
            env.put("KAFKA_GROUP_SUFFIX", "-systest");
            env.put("CLOCK_ADJUSTABLE", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            SERVICES.add(ServiceProcess.start(ROOT, s[0], Integer.parseInt(s[1]), env));
        }
        for (ServiceProcess p : SERVICES) {
            p.awaitReady(Duration.ofSeconds(90));
        }
        URLS.put("contract", SERVICES.get(0).baseUrl());
        URLS.put("feedback", SERVICES.get(1).baseUrl());
        URLS.put("score", SERVICES.get(2).baseUrl());
    }

    /** Pins every service's clock: each world runs the same steps at the same instants. */
    private static void at(Instant now) {
        for (String url : URLS.values()) {
            given().baseUri(url).header("Authorization", bearer("ops", "PLATFORM")).contentType(ContentType.JSON)
                    .body("{\"now\":\"" + now + "\",\"pinned\":true}").put("/admin/clock").then().statusCode(200);
        }
    }

    @AfterAll
    static void stopServices() throws InterruptedException {
        for (ServiceProcess p : SERVICES) {
            p.close();
        }
    }

    /** One world: a freelancer, two clients, two alike contracts, and which client rated 10 and which 3 privately. */
    record World(String freelancer, List<String> clients, List<String> contracts, Map<String, String> names) {}

    private static World build(int firstRating, int secondRating) throws Exception {
        String freelancer = "f-" + UUID.randomUUID();
        List<String> clients = List.of("c-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        List<String> contracts = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        names.put(freelancer, "FREELANCER");
        int[] ratings = {firstRating, secondRating};
        for (int i = 0; i < 2; i++) {
            at(START.plus(Duration.ofDays(i))); // a day apart: the views list contracts by end date, then id
            String client = clients.get(i);
            names.put(client, "CLIENT_" + i);
            String contract = given().baseUri(URLS.get("contract")).header("Authorization", bearer(client, "CLIENT"))
                    .contentType(ContentType.JSON)
                    .body("{\"freelancerId\":\"" + freelancer + "\",\"type\":\"FIXED_PRICE\",\"title\":\"Logo\","
                            + "\"milestones\":[{\"description\":\"Logo\",\"amountCents\":50000}]}")
                    .post("/contracts").then().statusCode(201).extract().path("contractId");
            contracts.add(contract);
            names.put(contract, "CONTRACT_" + i);
            given().baseUri(URLS.get("contract")).header("Authorization", bearer(freelancer, "FREELANCER"))
                    .post("/contracts/{id}/accept", contract).then().statusCode(200);
            String milestone = given().baseUri(URLS.get("contract")).header("Authorization", bearer(client, "CLIENT"))
                    .get("/contracts/{id}/milestones", contract).then().statusCode(200).extract().path("[0].milestoneId");
            names.put(milestone, "MILESTONE_" + i);
            for (String step : List.of("fund", "approve")) {
                given().baseUri(URLS.get("contract")).header("Authorization", bearer(client, "CLIENT"))
                        .post("/contracts/{id}/milestones/{mid}/" + step, contract, milestone).then().statusCode(200);
            }
            given().baseUri(URLS.get("contract")).header("Authorization", bearer(client, "CLIENT")).contentType(ContentType.JSON)
                    .body("{\"endReasonCode\":\"JOB_COMPLETED_SUCCESSFULLY\"}").post("/contracts/{id}/end", contract)
                    .then().statusCode(200);
            String clientFeedback = """
                    {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 5},
                                "comment": "Fine"},
                     "private": {"recommendScore": %d, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY"}}""".formatted(ratings[i]);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    given().baseUri(URLS.get("feedback")).header("Authorization", bearer(client, "CLIENT"))
                            .contentType(ContentType.JSON).body(clientFeedback).post("/contracts/{id}/feedback", contract)
                            .statusCode() == 201);
            given().baseUri(URLS.get("feedback")).header("Authorization", bearer(freelancer, "FREELANCER"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 5}},
                             "private": {"recommendScore": 9, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY"}}""")
                    .post("/contracts/{id}/feedback", contract).then().statusCode(201);
            JsonNode feedback = json(given().baseUri(URLS.get("feedback")).header("Authorization", bearer(freelancer, "FREELANCER"))
                    .get("/contracts/{id}/feedback", contract).then().statusCode(200).extract().asString());
            for (JsonNode id : feedback.findValues("feedbackId")) {
                names.putIfAbsent(id.asText(), "FEEDBACK_" + i + "_" + names.size());
            }
        }
        at(START.plus(Duration.ofDays(2)));
        // One client rated 10, the other 3: 5 q success of 10 → 50, whichever it was.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                Integer.valueOf(50).equals(given().baseUri(URLS.get("score")).header("Authorization", bearer(freelancer, "FREELANCER"))
                        .get("/freelancers/{id}/score", freelancer).then().statusCode(200).extract().path("jss")));
        return new World(freelancer, clients, contracts, names);
    }

    @Test
    void swappingTwoClientsPrivateRatingsChangesNothingTheFreelancerCanRead() throws Exception {
        World a = build(10, 3);
        World b = build(3, 10);

        List<String> covered = new ArrayList<>();
        for (var service : URLS.entrySet()) {
            JsonNode paths = json(given().baseUri(service.getValue()).accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString()).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getValue().has("get") || path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (Map<String, String> params : parameters(path.getKey(), a)) {
                    String inA = read(service.getValue(), path.getKey(), params, a, null);
                    String inB = read(service.getValue(), path.getKey(), translate(params, a, b), b, null);
                    assertEquals(inA, inB, "GET " + service.getKey() + path.getKey() + " " + params);
                    covered.add(service.getKey() + " GET " + path.getKey());
                }
            }
        }
        // What-ifs on either contract: the freelancer's "will this hurt me?", which must not tell who rated what.
        for (int i = 0; i < 2; i++) {
            for (String change : List.of("{\"type\":\"REFUND\",\"contractId\":\"%s\",\"netEarningsCents\":0}",
                    "{\"type\":\"PRIVATE_RATING\",\"contractId\":\"%s\",\"privateRecommend\":10}",
                    "{\"type\":\"PUBLIC_RATING\",\"contractId\":\"%s\",\"publicOverall\":1.0}")) {
                String inA = read(URLS.get("score"), "/freelancers/{freelancerId}/what-if", Map.of("freelancerId", a.freelancer()), a,
                        "{\"changes\":[" + change.formatted(a.contracts().get(i)) + "]}");
                String inB = read(URLS.get("score"), "/freelancers/{freelancerId}/what-if", Map.of("freelancerId", b.freelancer()), b,
                        "{\"changes\":[" + change.formatted(b.contracts().get(i)) + "]}");
                assertEquals(inA, inB, "what-if " + change.formatted("CONTRACT_" + i));
            }
        }
        // The advisor's questions with a body (its GETs are covered above from the OpenAPI document): the plan and the
        // sweep run the what-if's machinery on the freelancer's facts, and must not tell who rated what either.
        for (String[] question : new String[][] {
                {"/freelancers/{freelancerId}/advisor/plan", "{\"target\":90,\"newContracts\":{\"netEarningsCents\":50000}}"},
                {"/freelancers/{freelancerId}/advisor/plan",
                        "{\"target\":100,\"newContracts\":{\"netEarningsCents\":50000,\"intervalDays\":30}}"},
                {"/freelancers/{freelancerId}/advisor/sweep", "{\"priorNetEarningsCents\":50000,\"priorContracts\":[0,1,7],"
                        + "\"change\":{\"contractId\":\"bad\",\"clientId\":\"c-bad\",\"status\":\"ENDED\","
                        + "\"startedAt\":\"2026-02-01\",\"endedAt\":\"2026-03-04\",\"netEarningsCents\":50000,"
                        + "\"paymentDates\":[\"2026-03-04\"],\"privateRecommend\":2}}"}}) {
            String inA = read(URLS.get("score"), question[0], Map.of("freelancerId", a.freelancer()), a, question[1]);
            String inB = read(URLS.get("score"), question[0], Map.of("freelancerId", b.freelancer()), b, question[1]);
            assertEquals(inA, inB, question[0] + " " + question[1]);
        }
        for (String expected : List.of("score GET /freelancers/{freelancerId}/score",
                "score GET /freelancers/{freelancerId}/advisor/forecast", "score GET /freelancers/{freelancerId}/advisor/first-score",
                "score GET /freelancers/{freelancerId}/advisor/top-rated-progress",
                "score GET /freelancers/{freelancerId}/advisor/long-term-contracts",
                "score GET /freelancers/{freelancerId}/score/explanation", "score GET /freelancers/{freelancerId}/score/history",
                "contract GET /contracts/{id}", "feedback GET /contracts/{id}/feedback", "feedback GET /freelancers/{id}/feedback")) {
            assertTrue(covered.contains(expected), expected + " is covered; covered: " + covered);
        }

        // The relays publish within a second or two; compare once both worlds' records stopped changing.
        Map<String, List<List<String>>> last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            Map<String, List<List<String>>> now = new LinkedHashMap<>();
            for (String topic : TOPICS) {
                List<ConsumerRecord<String, String>> all = allRecords(topic);
                now.put(topic, List.of(records(all, a), records(all, b)));
            }
            if (now.equals(last)) {
                break;
            }
            last = now;
            Thread.sleep(1000);
        }
        assertTrue(!last.get("score-changed").getFirst().isEmpty(), "score-changed records of the worlds");
        for (var topic : last.entrySet()) {
            assertEquals(topic.getValue().get(0), topic.getValue().get(1), "records on " + topic.getKey());
        }
    }

    /** Every record of a topic, from the beginning to its current end. */
    private static List<ConsumerRecord<String, String>> allRecords(String topic) {
        Map<String, Object> config = KafkaTopics.admin(Map.of("enable.auto.commit", "false"));
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Each way of filling the path's parameters from world {@code w}: every contract, its feedback and milestones. */
    private static List<Map<String, String>> parameters(String path, World w) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new TreeMap<>());
        for (String name : names) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : candidates(name, path, w)) {
                    Map<String, String> filled = new TreeMap<>(partial);
                    filled.put(name, value);
                    next.add(filled);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<String> candidates(String name, String path, World w) {
        if (name.equals("freelancerId") || name.equals("id") && path.startsWith("/freelancers/")) {
            return List.of(w.freelancer());
        }
        if (name.equals("id")) {
            return w.contracts();
        }
        String prefix = switch (name) {
            case "feedbackId" -> "FEEDBACK_";
            case "mid" -> "MILESTONE_";
            default -> null;
        };
        List<String> known = prefix == null ? List.of()
                : w.names().entrySet().stream().filter(e -> e.getValue().startsWith(prefix)).map(Map.Entry::getKey).toList();
        // An id the world has none of (a dispute, an invoice): the error must match too.
        return known.isEmpty() ? List.of("00000000-0000-0000-0000-000000000000") : known;
    }

    /** The same parameters in world {@code b}: the id in the same place of b's world. */
    private static Map<String, String> translate(Map<String, String> params, World a, World b) {
        Map<String, String> out = new TreeMap<>();
        params.forEach((k, v) -> {
            String name = a.names().get(v);
            out.put(k, name == null ? v : b.names().entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey).findFirst().orElseThrow());
        });
        return out;
    }

    /** The freelancer's response, status and body, with the world's ids named and other ids blanked. */
    private static String read(String url, String path, Map<String, String> params, World w, String body) throws Exception {
        var request = given().baseUri(url).header("Authorization", bearer(w.freelancer(), "FREELANCER"));
        String resolved = path;
        for (var p : params.entrySet()) {
            resolved = resolved.replace("{" + p.getKey() + "}", p.getValue());
        }
        Response r = body == null ? request.get(resolved) : request.contentType(ContentType.JSON).body(body).post(resolved);
        return r.statusCode() + " " + normalizeBody(r.asString(), w);
    }

    private static List<String> records(List<ConsumerRecord<String, String>> all, World w) throws Exception {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : all) {
            if (r.value() != null && r.value().contains(w.freelancer())) {
                out.add(normalizeBody(r.value(), w));
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    private static String normalizeBody(String text, World w) throws Exception {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            return normalize(text, w);
        }
        return JSON.writeValueAsString(normalize(node, w, null));
    }

    private static JsonNode normalize(JsonNode node, World w, String field) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            // Keys too: a balance names its ledger accounts by user and contract.
            node.fields().forEachRemaining(e -> copy.set(normalize(e.getKey(), w), normalize(e.getValue(), w, e.getKey())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(normalize(n, w, field)));
            return copy;
        }
        if (node.isTextual()) {
            return new TextNode(normalize(node.asText(), w));
        }
        if (node.isNumber() && field != null && (field.endsWith("No") || field.endsWith("Id"))) {
            return new TextNode("ID"); // a sequence number: an id too
        }
        return node;
    }

    /** The world's ids named by their part in it; any other id blanked. */
    private static String normalize(String text, World w) {
        for (var e : w.names().entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return UUID_TEXT.matcher(text).replaceAll("ID");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
