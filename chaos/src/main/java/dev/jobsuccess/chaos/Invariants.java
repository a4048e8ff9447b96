package dev.jobsuccess.chaos;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks after the run quiesces, each against what the system stored (the services' databases, the broker) and
 * what it answers (REST), never against itself: the model's ledgers, feedback and scores; outboxes, lag, inboxes and
 * dead letters. Every difference is one violation, with what it was about.
 */
final class Invariants {

    static final List<String> CONTRACT_TOPICS = List.of("contract-started", "contract-payment-recorded", "contract-closed",
            "contract-earnings-adjusted");
    static final List<String> FEEDBACK_TOPICS = List.of("feedback-submitted", "feedback-revealed", "feedback-window-closed",
            "client-flag-changed");
    static final Map<String, List<String>> GROUP_TOPICS = Map.of(
            "feedback-service", List.of("contract-started", "contract-payment-recorded", "contract-closed",
                    "contract-earnings-adjusted", "feedback-removal-decided"),
            "score-service", List.of("contract-started", "contract-payment-recorded", "contract-closed",
                    "contract-earnings-adjusted", "feedback-submitted", "feedback-revealed", "feedback-window-closed",
                    "client-flag-changed"));

    private final String dbBase;
    private final Map<String, Object> kafka;
    private final Api api;
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> checked = new LinkedHashMap<>();

    Invariants(String dbBase, Map<String, Object> kafka, Api api) {
        this.dbBase = dbBase;
        this.kafka = kafka;
        this.api = api;
    }

    private Connection db(String name) throws SQLException {
        return DriverManager.getConnection(dbBase + "/" + name, "jobsuccess", "jobsuccess");
    }

    private void violation(String check, String what) {
        violations.add(check + ": " + what);
    }

    private void checked(String check, int things) {
        checked.merge(check, things, Integer::sum);
    }

    // ---- quiescence ------------------------------------------------------------------------------------------------

    /** Unsent outbox rows per database. */
    Map<String, Long> unsent() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String d : List.of("contract", "feedback", "score")) {
            try (Connection c = db(d); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL")) {
                r.next();
                out.put(d, r.getLong(1));
            }
        }
        return out;
    }

    /** Each consumer group's lag: the end offsets of its topics less its committed offsets. */
    Map<String, Long> lag() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Admin admin = Admin.create(kafka)) {
            for (var g : GROUP_TOPICS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.getKey())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                admin.describeTopics(g.getValue()).allTopicNames().get(30, TimeUnit.SECONDS).forEach((t, d) ->
                        d.partitions().forEach(p -> ends.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
                long lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                        : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata at = committed.get(e.getKey());
                    lag += e.getValue().offset() - (at == null ? 0 : at.offset());
                }
                out.put(g.getKey(), lag);
            }
        }
        return out;
    }

    /** Waits until every outbox is empty and no group lags, twice in a row; false when the bound passes first. */
    boolean awaitQuiet(Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        int quietInARow = 0;
        while (System.nanoTime() < end) {
            try {
                boolean quiet = unsent().values().stream().allMatch(n -> n == 0) && lag().values().stream().allMatch(n -> n == 0);
                quietInARow = quiet ? quietInARow + 1 : 0;
                if (quietInARow >= 2) {
                    return true;
                }
            } catch (Exception e) {
                quietInARow = 0;
            }
            Thread.sleep(2_000);
        }
        return false;
    }

    // ---- the checks ------------------------------------------------------------------------------------------------

    void all(Workload workload) throws Exception {
        List<ModelContract> model = List.copyOf(workload.contracts);
        outboxesAndLag();
        ledgers(model);
        feedbackWindows();
        feedback(model);
        inboxes();
        deadLetters();
        scores(model, workload.freelancerIds());
    }

    private void outboxesAndLag() throws Exception {
        unsent().forEach((d, n) -> {
            if (n != 0) {
                violation("outbox empty", d + " has " + n + " unsent events");
            }
        });
        lag().forEach((g, n) -> {
            if (n != 0) {
                violation("consumer lag 0", g + " lags by " + n);
            }
        });
        checked("outboxes empty, consumer groups at lag 0", 5);
    }

    private record Stored(long entryNo, ModelContract.Entry entry) {}

    private void ledgers(List<ModelContract> model) throws SQLException {
        Map<String, List<Stored>> byContract = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        long debits = 0;
        long credits = 0;
        Map<String, Long> balances = new HashMap<>();
        try (Connection c = db("contract"); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT contract_id, entry_no, entry_type, debit_account, credit_account, amount_cents "
                    + "FROM ledger_entry ORDER BY contract_id, entry_no")) {
                while (r.next()) {
                    ModelContract.Entry e = new ModelContract.Entry(r.getString(3), r.getString(4), r.getString(5), r.getLong(6));
                    byContract.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Stored(r.getLong(2), e));
                    balances.merge(e.debit(), -e.cents(), Long::sum);
                    balances.merge(e.credit(), e.cents(), Long::sum);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entry), "
                    + "(SELECT coalesce(sum(amount_cents), 0) FROM ledger_entry WHERE debit_account IS NOT NULL AND credit_account IS NOT NULL "
                    + "AND debit_account <> credit_account)")) {
                r.next();
                debits = r.getLong(1);
                credits = r.getLong(2);
            }
            try (ResultSet r = s.executeQuery("SELECT id, status FROM contract")) {
                while (r.next()) {
                    status.put(r.getString(1), r.getString(2));
                }
            }
        }
        // Debits equal credits: every entry moves its amount between two distinct accounts, so all balances sum to 0.
        if (debits != credits) {
            violation("debits equal credits", "entries of " + (debits - credits) + " cents move money from an account to itself or nowhere");
        }
        long sum = balances.values().stream().mapToLong(Long::longValue).sum();
        if (sum != 0) {
            violation("debits equal credits", "the balances of all accounts sum to " + sum + ", not 0");
        }
        Set<String> modelled = new HashSet<>();
        for (ModelContract m : model) {
            modelled.add(m.id);
            String stored = status.get(m.id);
            if (stored == null) {
                violation("ledger equals model", "contract " + m.id + " answered 2xx but is not stored");
                continue;
            }
            if (m.uncertain) {
                continue;
            }
            if (!stored.equals(m.status.name())) {
                violation("contract status equals model", m.id + " is " + stored + ", the model says " + m.status);
            }
            List<Stored> entries = byContract.getOrDefault(m.id, List.of());
            Comparator<ModelContract.Entry> order = Comparator.comparing(ModelContract.Entry::type)
                    .thenComparing(ModelContract.Entry::debit).thenComparing(ModelContract.Entry::credit)
                    .thenComparingLong(ModelContract.Entry::cents);
            List<ModelContract.Entry> actual = new ArrayList<>(entries.stream().map(Stored::entry).toList());
            List<ModelContract.Entry> expected = new ArrayList<>(m.entries);
            actual.sort(order);
            expected.sort(order);
            if (!actual.equals(expected)) {
                violation("ledger equals model", m.id + ": stored " + actual + ", model " + expected);
            }
            long escrow = 0;
            for (Stored e : entries) {
                if (e.entry().credit().equals(m.escrow())) {
                    escrow += e.entry().cents();
                }
                if (e.entry().debit().equals(m.escrow())) {
                    escrow -= e.entry().cents();
                }
                if (escrow < 0) {
                    violation("escrow never negative", m.id + " escrow is " + escrow + " after entry " + e.entryNo());
                    break;
                }
            }
            if (!m.hourly && escrow != m.escrowHeld()) {
                violation("ledger equals model", m.id + " holds " + escrow + " in escrow, the model " + m.escrowHeld());
            }
        }
        for (String id : status.keySet()) {
            if (!modelled.contains(id)) {
                violation("ledger equals model", "contract " + id + " is stored but no 2xx created it");
            }
        }
        checked("ledger equals model, escrow never negative", model.size());
    }

    private void feedbackWindows() throws SQLException {
        Set<String> ended = new HashSet<>();
        try (Connection c = db("contract"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM contract WHERE status = 'ENDED'")) {
            while (r.next()) {
                ended.add(r.getString(1));
            }
        }
        Map<String, Integer> windows = new HashMap<>();
        try (Connection c = db("feedback"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT contract_id, count(*) FROM feedback_window GROUP BY contract_id")) {
            while (r.next()) {
                windows.put(r.getString(1), r.getInt(2));
            }
        }
        for (String id : ended) {
            int n = windows.getOrDefault(id, 0);
            if (n != 1) {
                violation("one feedback window per closed contract", id + " has " + n);
            }
        }
        for (String id : windows.keySet()) {
            if (!ended.contains(id)) {
                violation("one feedback window per closed contract", "a window for " + id + ", which has not ended");
            }
        }
        checked("one feedback window per closed contract", ended.size());
    }

    private void feedback(List<ModelContract> model) throws SQLException {
        Map<String, String> accepted = new HashMap<>();
        for (ModelContract m : model) {
            if (m.clientFeedback != null) {
                accepted.put(m.clientFeedback.feedbackId(), m.id + "/CLIENT");
            }
            if (m.freelancerFeedbackId != null) {
                accepted.put(m.freelancerFeedbackId, m.id + "/FREELANCER");
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        Map<String, Integer> perAuthor = new HashMap<>();
        try (Connection c = db("feedback"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, contract_id, author_role FROM feedback WHERE NOT mid_contract")) {
            while (r.next()) {
                stored.merge(r.getString(1), 1, Integer::sum);
                perAuthor.merge(r.getString(2) + "/" + r.getString(3), 1, Integer::sum);
            }
        }
        accepted.forEach((id, what) -> {
            if (stored.getOrDefault(id, 0) != 1) {
                violation("accepted feedback exists once", what + " (" + id + ") is stored " + stored.getOrDefault(id, 0) + " times");
            }
        });
        stored.keySet().stream().filter(id -> !accepted.containsKey(id))
                .forEach(id -> violation("accepted feedback exists once", "feedback " + id + " is stored but no 2xx accepted it"));
        perAuthor.forEach((who, n) -> {
            if (n != 1) {
                violation("accepted feedback exists once", who + " has " + n + " feedbacks");
            }
        });
        checked("accepted feedback exists once", accepted.size());
    }

    /** Every event a service consumes is in its inbox exactly once, and nothing else is. */
    private void inboxes() throws SQLException {
        Map<String, Set<String>> producedByTopic = new HashMap<>();
        Set<String> freelancersFeedback = new HashSet<>();
        for (String d : List.of("contract", "feedback", "score")) {
            try (Connection c = db(d); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT topic, event_id, payload::json->>'authorRole' FROM outbox_message")) {
                while (r.next()) {
                    producedByTopic.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
                    if ("FREELANCER".equals(r.getString(3))) {
                        freelancersFeedback.add(r.getString(2));
                    }
                }
            }
        }
        for (var g : GROUP_TOPICS.entrySet()) {
            Set<String> expected = new HashSet<>();
            g.getValue().forEach(t -> expected.addAll(producedByTopic.getOrDefault(t, Set.of())));
            Set<String> allowed = new HashSet<>(expected);
            if (g.getKey().equals("score-service")) {
                // A freelancer's feedback about a client is no score input: score-service reads it and keeps no inbox row.
                expected.removeAll(freelancersFeedback);
            }
            Map<String, Integer> inbox = new HashMap<>();
            String db = g.getKey().replace("-service", "");
            try (Connection c = db(db); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT event_id FROM inbox_message")) {
                while (r.next()) {
                    inbox.merge(r.getString(1), 1, Integer::sum);
                }
            }
            inbox.forEach((id, n) -> {
                if (n > 1) {
                    violation("each event applied once", g.getKey() + " applied " + id + " " + n + " times");
                }
                if (!allowed.contains(id)) {
                    violation("each event applied once", g.getKey() + " applied " + id + ", which no service produced");
                }
            });
            expected.stream().filter(id -> !inbox.containsKey(id))
                    .forEach(id -> violation("each event applied once", g.getKey() + " never applied " + id));
            checked("each event applied once (inbox = produced events)", expected.size());
        }
    }

    /** Nothing the services produced is invalid, so every dead letter is a valid event that went astray. */
    private void deadLetters() throws Exception {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-dead-letter-check-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> topics;
        try (Admin admin = Admin.create(kafka)) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.contains("-dlq-")).sorted().toList();
        }
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    violation("dead letters hold nothing valid", r.topic() + " holds " + r.value()
                            + (reason == null ? "" : " (" + new String(reason.value(), StandardCharsets.UTF_8) + ")"));
                }
            }
        }
        checked("dead-letter topics read", topics.size());
    }

    /** The published scores equal a rebuild from stored facts, and the engine fed with the model's facts. */
    private void scores(List<ModelContract> model, List<String> freelancers) throws Exception {
        Api.Response rebuild = api.post("score-service", "/admin/rebuild", Workload.PLATFORM_USER, "PLATFORM", Map.of("dryRun", true));
        if (!rebuild.ok()) {
            violation("score equals rebuild", "the dry-run rebuild answered " + rebuild.status() + " " + rebuild.body());
        } else {
            for (JsonNode d : rebuild.body().path("differences")) {
                violation("score equals rebuild", d.toString());
            }
            checked("score equals rebuild (freelancers checked)", rebuild.body().path("freelancersChecked").asInt());
        }
        Map<String, List<ModelContract>> byFreelancer = new TreeMap<>();
        for (ModelContract m : model) {
            if (m.startedAt != null) {
                byFreelancer.computeIfAbsent(m.freelancerId, k -> new ArrayList<>()).add(m);
            }
        }
        int compared = 0;
        for (String f : freelancers) {
            List<ModelContract> contracts = byFreelancer.getOrDefault(f, List.of());
            if (contracts.stream().anyMatch(m -> m.uncertain)) {
                continue;
            }
            Api.Response published = api.get("score-service", "/freelancers/" + f + "/score", Workload.PLATFORM_USER, "PLATFORM");
            if (published.status() == 404 && contracts.isEmpty()) {
                continue;
            }
            if (!published.ok()) {
                violation("score equals simulation", f + ": GET score answered " + published.status() + " " + published.body());
                continue;
            }
            ObjectNode request = Api.JSON.createObjectNode();
            request.put("asOf", published.body().path("asOf").asText(Workload.today().toString()));
            ArrayNode list = request.putArray("contracts");
            for (ModelContract m : contracts) {
                list.add(record(m));
            }
            Api.Response simulated = api.post("score-service", "/simulations", f, "FREELANCER", request);
            if (!simulated.ok()) {
                violation("score equals simulation", f + ": POST /simulations answered " + simulated.status() + " " + simulated.body());
                continue;
            }
            JsonNode p = published.body();
            JsonNode s = simulated.body();
            for (String field : List.of("jss", "selectedWindow", "band", "windows")) {
                if (!Objects.equals(p.path(field), s.path(field))) {
                    violation("score equals simulation", f + " " + field + ": published " + p.path(field) + ", simulated "
                            + s.path(field) + " from " + request);
                    break;
                }
            }
            compared++;
        }
        checked("score equals simulation of the model's facts (freelancers)", compared);
    }

    /** One contract as the engine takes it (jss-engine-api.md), from the model, as score-service would publish it. */
    private static ObjectNode record(ModelContract m) {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("contractId", m.id);
        r.put("clientId", m.clientId);
        r.put("status", m.status.name());
        r.put("startedAt", m.startedAt.toString());
        if (m.endedAt != null) {
            r.put("endedAt", m.endedAt.toString());
        } else {
            r.putNull("endedAt");
        }
        r.put("netEarningsCents", m.netEarnings());
        ArrayNode dates = r.putArray("paymentDates");
        if (m.paid()) {
            dates.add(Workload.today().toString());
        }
        boolean revealed = m.clientFeedback != null && m.freelancerFeedbackId != null;
        if (revealed) {
            r.put("privateRecommend", m.clientFeedback.recommend());
            r.put("publicOverall", m.clientFeedback.overall());
        } else {
            r.putNull("privateRecommend");
            r.putNull("publicOverall");
        }
        // The client's reason counts once their feedback is revealed (the window does not close within a run); a
        // freelancer's never does. The workload's client gives the reason it ended with in its private feedback too.
        String reason = null;
        if (revealed) {
            reason = m.clientFeedback.privateEndReason();
        }
        if (reason != null) {
            r.put("endReasonCode", reason);
        } else {
            r.putNull("endReasonCode");
        }
        r.put("disputeOutcome", m.disputeOutcome);
        r.put("clientFlagged", false);
        return r;
    }
}
