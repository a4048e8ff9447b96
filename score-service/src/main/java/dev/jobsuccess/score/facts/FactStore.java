package dev.jobsuccess.score.facts;

import static dev.jobsuccess.score.facts.FactTable.column;
import static dev.jobsuccess.score.facts.FactTable.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Stores facts, each kind in its own table, a whole poll in a few statements, and says whose score each stored fact
 * may move.
 */
@ApplicationScoped
public class FactStore {

    /** A fact that contradicts what is stored, and why; it is refused (nothing of it is stored). */
    public record Conflict(int index, String reason) {}

    /**
     * What storing a poll did.
     *
     * @param conflicts the refused facts
     * @param touched each freelancer whose facts changed, with the indexes of the facts that changed them, in order
     */
    public record Stored(List<Conflict> conflicts, Map<String, List<Integer>> touched) {}

    private static final FactTable<ClosedContract> CLOSED = FactTable.latestReportWins("contract_fact", "contract_id",
            ClosedContract::contractId, "occurred_at", ClosedContract::occurredAt, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("status", "text", r -> "ENDED"),
                    column("started_at", "timestamptz", r -> text(r.fact().startedAt())),
                    column("ended_at", "timestamptz", r -> text(r.fact().endedAt())),
                    column("net_earnings_cents", "bigint", r -> Long.toString(r.fact().netEarningsCents())),
                    column("payment_instants", "timestamptz[]", r -> text(r.fact().paymentInstants())),
                    column("end_reason_code", "text", r -> text(r.fact().endReasonCode())),
                    column("ended_by", "text", r -> text(r.fact().endedBy())),
                    column("dispute_outcome", "text", r -> text(r.fact().disputeOutcome())),
                    column("category", "text", r -> r.fact().category()),
                    column("earning_instants", "timestamptz[]", r -> FactTable.earningInstants(r.fact().earnings())),
                    column("earning_cents", "bigint[]", r -> FactTable.earningCents(r.fact().earnings())),
                    column("occurred_at", "timestamptz", r -> text(r.fact().occurredAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    private static final FactTable<EarningsAdjustment> ADJUSTED = FactTable.latestReportWins("contract_adjustment_fact",
            "contract_id", EarningsAdjustment::contractId, "occurred_at", EarningsAdjustment::occurredAt, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("net_earnings_cents", "bigint", r -> Long.toString(r.fact().netEarningsCents())),
                    column("payment_instants", "timestamptz[]", r -> text(r.fact().paymentInstants())),
                    column("dispute_outcome", "text", r -> text(r.fact().disputeOutcome())),
                    column("adjustment_cause", "text", r -> r.fact().adjustmentCause()),
                    column("earning_instants", "timestamptz[]", r -> FactTable.earningInstants(r.fact().earnings())),
                    column("earning_cents", "bigint[]", r -> FactTable.earningCents(r.fact().earnings())),
                    column("occurred_at", "timestamptz", r -> text(r.fact().occurredAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    private static final FactTable<StartedContract> STARTED = FactTable.latestReportWins("contract_start_fact", "contract_id",
            StartedContract::contractId, "occurred_at", StartedContract::occurredAt, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("contract_type", "text", r -> r.fact().contractType()),
                    column("category", "text", r -> r.fact().category()),
                    column("started_at", "timestamptz", r -> text(r.fact().startedAt())),
                    column("occurred_at", "timestamptz", r -> text(r.fact().occurredAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    private static final FactTable<OpenContractPayment> PAID = FactTable.latestReportWins("contract_payment_fact",
            "contract_id", OpenContractPayment::contractId, "occurred_at", OpenContractPayment::occurredAt, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("status", "text", r -> text(r.fact().status())),
                    column("started_at", "timestamptz", r -> text(r.fact().startedAt())),
                    column("net_earnings_cents", "bigint", r -> Long.toString(r.fact().netEarningsCents())),
                    column("payment_instants", "timestamptz[]", r -> text(r.fact().paymentInstants())),
                    column("earning_instants", "timestamptz[]", r -> FactTable.earningInstants(r.fact().earnings())),
                    column("earning_cents", "bigint[]", r -> FactTable.earningCents(r.fact().earnings())),
                    column("occurred_at", "timestamptz", r -> text(r.fact().occurredAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    /** The client's end-of-contract feedback; of two submissions for one contract, the later one is kept. */
    private static final FactTable<ClientFeedback> END_FEEDBACK = FactTable.latestReportWins("client_feedback_fact",
            "contract_id", ClientFeedback::contractId, "submitted_at", ClientFeedback::submittedAt, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("feedback_id", "text", r -> r.fact().feedbackId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("private_recommend", "integer", r -> text(r.fact().privateRecommend())),
                    column("public_overall", "numeric", r -> r.fact().publicOverall() == null ? null
                            : r.fact().publicOverall().toPlainString()),
                    column("private_end_reason", "text", r -> r.fact().privateEndReason()),
                    column("submitted_at", "timestamptz", r -> text(r.fact().submittedAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    /** Mid-contract feedback is immutable: the first report of a feedback id is kept. */
    private static final FactTable<ClientFeedback> PERIODIC_FEEDBACK = FactTable.firstReportWins("periodic_feedback_fact",
            "feedback_id", ClientFeedback::feedbackId, List.of(
                    column("feedback_id", "text", r -> r.fact().feedbackId()),
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("private_recommend", "integer", r -> text(r.fact().privateRecommend())),
                    column("public_overall", "numeric", r -> r.fact().publicOverall() == null ? null
                            : r.fact().publicOverall().toPlainString()),
                    column("submitted_at", "timestamptz", r -> text(r.fact().submittedAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    /** A reveal cannot be undone: the first report is kept. */
    private static final FactTable<FeedbackReveal> REVEALED = FactTable.firstReportWins("feedback_reveal_fact", "feedback_id",
            FeedbackReveal::feedbackId, List.of(
                    column("feedback_id", "text", r -> r.fact().feedbackId()),
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("revealed_at", "timestamptz", r -> text(r.fact().revealedAt())),
                    column("reveal_cause", "text", r -> r.fact().revealCause()),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    /** A window closes once: the first report is kept. */
    private static final FactTable<FeedbackWindowClose> WINDOW_CLOSED = FactTable.firstReportWins("feedback_window_fact",
            "contract_id", FeedbackWindowClose::contractId, List.of(
                    column("contract_id", "text", r -> r.fact().contractId()),
                    column("freelancer_id", "text", r -> r.fact().freelancerId()),
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("closed_at", "timestamptz", r -> text(r.fact().closedAt())),
                    column("client_feedback_present", "boolean", r -> Boolean.toString(r.fact().clientFeedbackPresent())),
                    column("freelancer_feedback_present", "boolean",
                            r -> Boolean.toString(r.fact().freelancerFeedbackPresent())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    /** Each client's latest flag evaluation. */
    private static final FactTable<ClientFlag> FLAGS = FactTable.latestReportWins("client_flag_fact", "client_id",
            ClientFlag::clientId, "evaluated_at", ClientFlag::evaluatedAt, List.of(
                    column("client_id", "text", r -> r.fact().clientId()),
                    column("flagged", "boolean", r -> Boolean.toString(r.fact().flagged())),
                    column("reason", "text", r -> r.fact().reason()),
                    column("evaluated_at", "timestamptz", r -> text(r.fact().evaluatedAt())),
                    column("source_event_id", "uuid", r -> r.eventId().toString()),
                    column("recorded_at", "timestamptz", r -> text(r.recordedAt()))));

    private final EntityManager em;

    FactStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores the facts of a poll, in their order. A contract's parties never change: the first event naming a contract
     * registers them, and an event naming other parties is refused rather than allowed to move a score it does not
     * belong to. Replays and older reports change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(List<IncomingFact> facts, Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Conflict> conflicts = registerParties(connection, facts);
            Set<Integer> refused = new java.util.HashSet<>();
            conflicts.forEach(c -> refused.add(c.index()));

            List<FactTable.Report<ClosedContract>> closed = new ArrayList<>();
            List<FactTable.Report<EarningsAdjustment>> adjusted = new ArrayList<>();
            List<FactTable.Report<StartedContract>> started = new ArrayList<>();
            List<FactTable.Report<OpenContractPayment>> paid = new ArrayList<>();
            List<FactTable.Report<ClientFeedback>> endFeedback = new ArrayList<>();
            List<FactTable.Report<ClientFeedback>> periodic = new ArrayList<>();
            List<FactTable.Report<FeedbackReveal>> revealedFeedback = new ArrayList<>();
            List<FactTable.Report<FeedbackWindowClose>> windows = new ArrayList<>();
            List<FactTable.Report<ClientFlag>> flags = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (refused.contains(i)) {
                    continue;
                }
                IncomingFact incoming = facts.get(i);
                var id = incoming.cause().eventId();
                switch (incoming.fact()) {
                    case ClosedContract c -> closed.add(new FactTable.Report<>(i, c, id, now));
                    case EarningsAdjustment a -> adjusted.add(new FactTable.Report<>(i, a, id, now));
                    case StartedContract s -> started.add(new FactTable.Report<>(i, s, id, now));
                    case OpenContractPayment p -> paid.add(new FactTable.Report<>(i, p, id, now));
                    case ClientFeedback f -> (f.midContract() ? periodic : endFeedback).add(new FactTable.Report<>(i, f, id, now));
                    case FeedbackReveal r -> revealedFeedback.add(new FactTable.Report<>(i, r, id, now));
                    case FeedbackWindowClose w -> windows.add(new FactTable.Report<>(i, w, id, now));
                    case ClientFlag f -> flags.add(new FactTable.Report<>(i, f, id, now));
                }
            }
            // index -> freelancers whose score the stored fact may move
            Map<Integer, List<String>> moved = new HashMap<>();
            for (var r : CLOSED.store(connection, closed)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            for (var r : ADJUSTED.store(connection, adjusted)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            for (var r : STARTED.store(connection, started)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            for (var r : PAID.store(connection, paid)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            // A client's end-of-contract feedback enters the published score only once revealed: stored before its reveal,
            // it moves no score (its reveal will), and the score, its computedAt included, stays as it was.
            List<FactTable.Report<ClientFeedback>> storedFeedback = END_FEEDBACK.store(connection, endFeedback);
            Set<String> revealed = alreadyRevealed(connection, storedFeedback);
            Map<String, Integer> revealedInPoll = new HashMap<>();
            revealedFeedback.forEach(r -> revealedInPoll.putIfAbsent(r.fact().feedbackId(), r.index()));
            Map<String, Integer> closedInPoll = new HashMap<>();
            windows.forEach(w -> closedInPoll.putIfAbsent(w.fact().contractId(), w.index()));
            for (var r : storedFeedback) {
                // Revealed before this report: stored already, or earlier in this poll.
                if (revealed.contains(r.fact().feedbackId())
                        || revealedInPoll.getOrDefault(r.fact().feedbackId(), Integer.MAX_VALUE) < r.index()
                        || closedInPoll.getOrDefault(r.fact().contractId(), Integer.MAX_VALUE) < r.index()) {
                    moved.put(r.index(), List.of(r.fact().freelancerId()));
                }
            }
            for (var r : PERIODIC_FEEDBACK.store(connection, periodic)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            for (var r : REVEALED.store(connection, revealedFeedback)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            for (var r : WINDOW_CLOSED.store(connection, windows)) moved.put(r.index(), List.of(r.fact().freelancerId()));
            moved.putAll(storeFlags(connection, flags));

            Map<String, List<Integer>> touched = new LinkedHashMap<>();
            new TreeSet<>(moved.keySet()).forEach(i -> moved.get(i)
                    .forEach(f -> touched.computeIfAbsent(f, k -> new ArrayList<>()).add(i)));
            return new Stored(conflicts, touched);
        });
    }

    /** Of these feedbacks, those already revealed: by their own feedback-revealed, or by their contract's closed window. */
    private static Set<String> alreadyRevealed(Connection connection, List<FactTable.Report<ClientFeedback>> feedback)
            throws SQLException {
        if (feedback.isEmpty()) {
            return Set.of();
        }
        // Two primary-key lookups by = ANY. Written as EXISTS (...) OR EXISTS (...) over the list, PostgreSQL planned
        // both as hashed subplans: a scan of each whole table for every poll.
        Set<String> revealedFeedback = new java.util.HashSet<>();
        Set<String> closedContracts = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT true, feedback_id FROM feedback_reveal_fact WHERE feedback_id = ANY (?::text[])
                UNION ALL SELECT false, contract_id FROM feedback_window_fact WHERE contract_id = ANY (?::text[])""")) {
            select.setArray(1, connection.createArrayOf("text", feedback.stream().map(r -> r.fact().feedbackId()).toArray()));
            select.setArray(2, connection.createArrayOf("text", feedback.stream().map(r -> r.fact().contractId()).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(1) ? revealedFeedback : closedContracts).add(rows.getString(2));
                }
            }
        }
        Set<String> revealed = new java.util.HashSet<>();
        for (var r : feedback) {
            if (revealedFeedback.contains(r.fact().feedbackId()) || closedContracts.contains(r.fact().contractId())) {
                revealed.add(r.fact().feedbackId());
            }
        }
        return revealed;
    }

    /**
     * A flag applies retroactively to every freelancer who worked with the client, but only a change of the flagged
     * state moves a score (a newer evaluation with the same value does not).
     */
    private static Map<Integer, List<String>> storeFlags(Connection connection, List<FactTable.Report<ClientFlag>> flags)
            throws SQLException {
        if (flags.isEmpty()) {
            return Map.of();
        }
        Map<String, Boolean> before = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT client_id, flagged FROM client_flag_fact WHERE client_id = ANY (?::text[])")) {
            select.setArray(1, connection.createArrayOf("text", flags.stream().map(f -> f.fact().clientId()).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    before.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        List<FactTable.Report<ClientFlag>> flipped = FLAGS.store(connection, flags).stream()
                .filter(r -> before.getOrDefault(r.fact().clientId(), false) != r.fact().flagged()).toList();
        if (flipped.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> freelancersOfClient = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT client_id, freelancer_id FROM contract_party WHERE client_id = ANY (?::text[])")) {
            select.setArray(1, connection.createArrayOf("text", flipped.stream().map(f -> f.fact().clientId()).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    freelancersOfClient.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        Map<Integer, List<String>> moved = new HashMap<>();
        for (var r : flipped) {
            List<String> freelancers = freelancersOfClient.getOrDefault(r.fact().clientId(), List.of());
            if (!freelancers.isEmpty()) {
                moved.put(r.index(), freelancers);
            }
        }
        return moved;
    }

    /** Registers the parties of contracts seen for the first time and refuses facts that name other parties. */
    private static List<Conflict> registerParties(Connection connection, List<IncomingFact> facts) throws SQLException {
        Map<String, Parties> firstNamed = new LinkedHashMap<>();
        for (IncomingFact incoming : facts) {
            Parties parties = Parties.of(incoming.fact());
            if (parties != null) {
                firstNamed.putIfAbsent(parties.contractId(), parties);
            }
        }
        if (firstNamed.isEmpty()) {
            return List.of();
        }
        // One statement: register the new contracts' parties and read every named contract's. The outer SELECT sees
        // the table as it was before the statement, so the rows inserted now come from the INSERT's RETURNING.
        Map<String, Parties> stored = new HashMap<>();
        try (PreparedStatement registerAndRead = connection.prepareStatement("""
                WITH named (contract_id, freelancer_id, client_id) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[])),
                inserted AS (
                    INSERT INTO contract_party (contract_id, freelancer_id, client_id) SELECT * FROM named
                    ON CONFLICT (contract_id) DO NOTHING RETURNING contract_id, freelancer_id, client_id)
                SELECT contract_id, freelancer_id, client_id FROM inserted
                UNION ALL SELECT p.contract_id, p.freelancer_id, p.client_id FROM contract_party p
                    WHERE p.contract_id IN (SELECT contract_id FROM named)""")) {
            registerAndRead.setArray(1, connection.createArrayOf("text", firstNamed.keySet().toArray()));
            registerAndRead.setArray(2, connection.createArrayOf("text",
                    firstNamed.values().stream().map(Parties::freelancerId).toArray()));
            registerAndRead.setArray(3, connection.createArrayOf("text", firstNamed.values().stream().map(Parties::clientId).toArray()));
            try (ResultSet rows = registerAndRead.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new Parties(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            IncomingFact incoming = facts.get(i);
            Parties parties = Parties.of(incoming.fact());
            if (parties == null) {
                continue;
            }
            Parties registered = stored.get(parties.contractId());
            if (registered == null) {
                // Another consumer registered it during this statement (two replicas in a rebalance): retry the poll.
                throw new IllegalStateException("contract " + parties.contractId() + " was registered concurrently");
            }
            if (!parties.equals(registered)) {
                EventCause cause = incoming.cause();
                conflicts.add(new Conflict(i, "contract " + parties.contractId() + " is between client " + registered.clientId()
                        + " and freelancer " + registered.freelancerId() + ", but " + cause.eventType() + " " + cause.eventId()
                        + " names client " + parties.clientId() + " and freelancer " + parties.freelancerId()));
            }
        }
        return conflicts;
    }

    /** Who a contract-level fact says the contract is between. */
    private record Parties(String contractId, String freelancerId, String clientId) {

        static Parties of(Fact fact) {
            return switch (fact) {
                case ClosedContract c -> new Parties(c.contractId(), c.freelancerId(), c.clientId());
                case EarningsAdjustment a -> new Parties(a.contractId(), a.freelancerId(), a.clientId());
                case StartedContract s -> new Parties(s.contractId(), s.freelancerId(), s.clientId());
                case OpenContractPayment p -> new Parties(p.contractId(), p.freelancerId(), p.clientId());
                case ClientFeedback f -> new Parties(f.contractId(), f.freelancerId(), f.clientId());
                case FeedbackReveal r -> new Parties(r.contractId(), r.freelancerId(), r.clientId());
                case FeedbackWindowClose w -> new Parties(w.contractId(), w.freelancerId(), w.clientId());
                case ClientFlag f -> null;
            };
        }
    }
}
