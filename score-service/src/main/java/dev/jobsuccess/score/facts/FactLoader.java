package dev.jobsuccess.score.facts;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;

/**
 * Reads the stored facts of many freelancers at once (a few queries per call, whatever their number)
 * and merges them per contract: closed contracts, and open ones known from contract-started and
 * contract-payment-recorded.
 */
@ApplicationScoped
public class FactLoader {

    private final EntityManager em;

    FactLoader(EntityManager em) {
        this.em = em;
    }

    /** Weekly snapshots older than this cannot matter: Top Rated looks at 16 weeks at most. */
    private static final int WEEKS_KEPT_IN_VIEW = 20;

    /** The facts of each freelancer, in the order given; freelancers without facts get empty ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, FreelancerFacts> load(Collection<String> freelancerIds, LocalDate asOf) {
        if (freelancerIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        // Plain JDBC below: what this transaction changed through JPA (a feedback removal) must be visible to it.
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> load(connection, freelancerIds, asOf));
    }

    private Map<String, FreelancerFacts> load(Connection connection, Collection<String> freelancerIds, LocalDate asOf)
            throws SQLException {
        Map<String, FreelancerFacts> out = new LinkedHashMap<>();
        Array ids = connection.createArrayOf("text", freelancerIds.toArray());
        List<StoredContract> contracts = query(connection, """
                SELECT contract_id, freelancer_id, client_id, status, started_at, ended_at, net_earnings_cents,
                       payment_instants, end_reason_code, ended_by, dispute_outcome, occurred_at
                FROM contract_fact WHERE freelancer_id = ANY (?)""", ids, r -> new StoredContract(r.getString(1),
                r.getString(2), r.getString(3), ContractStatus.valueOf(r.getString(4)), instant(r, 5), instant(r, 6),
                r.getLong(7), instants(r, 8), enumOrNull(EndReason.class, r.getString(9)),
                enumOrNull(EndedBy.class, r.getString(10)), DisputeOutcome.valueOf(r.getString(11)), instant(r, 12)));
        Map<String, StoredAdjustment> adjustments = query(connection, """
                SELECT contract_id, net_earnings_cents, payment_instants, dispute_outcome, adjustment_cause, occurred_at
                FROM contract_adjustment_fact WHERE freelancer_id = ANY (?)""", ids, r -> new StoredAdjustment(r.getString(1),
                r.getLong(2), instants(r, 3), DisputeOutcome.valueOf(r.getString(4)), r.getString(5), instant(r, 6)))
                .stream().collect(toMap(StoredAdjustment::contractId, Function.identity()));
        Map<String, StoredFeedback> endFeedback = query(connection, """
                SELECT contract_id, feedback_id, private_recommend, public_overall, private_end_reason, submitted_at
                FROM client_feedback_fact WHERE freelancer_id = ANY (?)""", ids, r -> new StoredFeedback(r.getString(1),
                r.getString(2), (Integer) r.getObject(3), r.getBigDecimal(4), r.getString(5), instant(r, 6)))
                .stream().collect(toMap(StoredFeedback::contractId, Function.identity()));
        Map<String, List<StoredFeedback>> periodic = query(connection, """
                SELECT contract_id, feedback_id, private_recommend, public_overall, NULL, submitted_at
                FROM periodic_feedback_fact WHERE freelancer_id = ANY (?)""", ids, r -> new StoredFeedback(r.getString(1),
                r.getString(2), (Integer) r.getObject(3), r.getBigDecimal(4), null, instant(r, 6)))
                .stream().collect(groupingBy(StoredFeedback::contractId));
        Set<String> revealedFeedback = new HashSet<>(query(connection,
                "SELECT feedback_id FROM feedback_reveal_fact WHERE freelancer_id = ANY (?)", ids, r -> r.getString(1)));
        Set<String> closedWindows = new HashSet<>(query(connection,
                "SELECT contract_id FROM feedback_window_fact WHERE freelancer_id = ANY (?)", ids, r -> r.getString(1)));
        Map<String, StoredStart> starts = query(connection,
                "SELECT contract_id, freelancer_id, client_id, started_at FROM contract_start_fact WHERE freelancer_id = ANY (?)",
                ids, r -> new StoredStart(r.getString(1), r.getString(2), r.getString(3), instant(r, 4)))
                .stream().collect(toMap(StoredStart::contractId, Function.identity()));
        Map<String, StoredOpenPayment> openPayments = query(connection, """
                SELECT contract_id, freelancer_id, client_id, status, started_at, net_earnings_cents, payment_instants
                FROM contract_payment_fact WHERE freelancer_id = ANY (?)""", ids, r -> new StoredOpenPayment(r.getString(1),
                r.getString(2), r.getString(3), ContractStatus.valueOf(r.getString(4)), instant(r, 5), r.getLong(6),
                instants(r, 7))).stream().collect(toMap(StoredOpenPayment::contractId, Function.identity()));
        // A close always wins over the open facts, whatever order they arrived in: an ended contract never reopens.
        Set<String> closed = contracts.stream().map(StoredContract::contractId).collect(toSet());
        Set<String> open = new TreeSet<>();
        starts.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);
        openPayments.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);
        Set<String> clients = new HashSet<>(contracts.stream().map(StoredContract::clientId).toList());
        for (String contractId : open) {
            clients.add(starts.containsKey(contractId) ? starts.get(contractId).clientId() : openPayments.get(contractId).clientId());
        }
        Set<String> flaggedClients = clients.isEmpty() ? Set.of() : new HashSet<>(query(connection,
                "SELECT client_id FROM client_flag_fact WHERE flagged AND client_id = ANY (?)",
                connection.createArrayOf("text", clients.toArray()), r -> r.getString(1)));
        Set<String> removedContracts = new HashSet<>(query(connection, """
                SELECT contract_id FROM feedback_removal WHERE freelancer_id = ANY (?) AND accepted AND NOT kept_in_jss""",
                ids, r -> r.getString(1)));
        Map<String, Map<LocalDate, Integer>> weekly = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT freelancer_id, week_date, jss FROM weekly_score WHERE freelancer_id = ANY (?) AND week_date >= ?")) {
            select.setArray(1, ids);
            select.setObject(2, asOf.minusWeeks(WEEKS_KEPT_IN_VIEW));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    weekly.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getObject(2, LocalDate.class), r.getInt(3));
                }
            }
        }

        Map<String, List<ContractFacts>> byFreelancer = new HashMap<>();
        for (StoredContract c : contracts) {
            StoredAdjustment adjustment = adjustments.get(c.contractId);
            // The adjustment reports later money, unless the close was published again after it.
            boolean adjusted = adjustment != null && !adjustment.occurredAt().isBefore(c.occurredAt());
            List<Instant> payments = adjusted ? adjustment.paymentInstants() : c.paymentInstants();
            byFreelancer.computeIfAbsent(c.freelancerId(), k -> new ArrayList<>()).add(new ContractFacts(c.contractId(),
                    c.clientId(), c.status(), utcDate(c.startedAt()), utcDate(c.endedAt()), c.endedBy(), c.endReasonCode(),
                    adjusted ? adjustment.netEarningsCents() : c.netEarningsCents(),
                    payments.stream().map(FactLoader::utcDate).sorted().toList(),
                    adjusted ? adjustment.disputeOutcome() : c.disputeOutcome(),
                    adjusted ? adjustment.adjustmentCause() : null,
                    endFacts(endFeedback.get(c.contractId()), c.contractId(), revealedFeedback, closedWindows),
                    periodicFacts(periodic, c.contractId()), flaggedClients.contains(c.clientId()),
                    removedContracts.contains(c.contractId())));
        }
        for (String contractId : open) {
            // Open: ACTIVE with no money until a payment report says otherwise. The report carries the start too,
            // so a contract whose contract-started is late (or was never published) is still known.
            StoredStart start = starts.get(contractId);
            StoredOpenPayment payment = openPayments.get(contractId);
            String freelancerId = start != null ? start.freelancerId() : payment.freelancerId();
            String clientId = start != null ? start.clientId() : payment.clientId();
            byFreelancer.computeIfAbsent(freelancerId, k -> new ArrayList<>()).add(new ContractFacts(contractId, clientId,
                    payment == null ? ContractStatus.ACTIVE : payment.status(),
                    utcDate(start != null ? start.startedAt() : payment.startedAt()), null, null, null,
                    payment == null ? 0 : payment.netEarningsCents(),
                    payment == null ? List.of() : payment.paymentInstants().stream().map(FactLoader::utcDate).sorted().toList(),
                    DisputeOutcome.NONE, null,
                    endFacts(endFeedback.get(contractId), contractId, revealedFeedback, closedWindows),
                    periodicFacts(periodic, contractId), flaggedClients.contains(clientId), removedContracts.contains(contractId)));
        }
        for (String freelancerId : freelancerIds) {
            List<ContractFacts> own = new ArrayList<>(byFreelancer.getOrDefault(freelancerId, List.of()));
            own.sort(Comparator.comparing(ContractFacts::endedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ContractFacts::contractId));
            out.put(freelancerId, new FreelancerFacts(freelancerId, own, weekly.getOrDefault(freelancerId, Map.of())));
        }
        return out;
    }

    private static FeedbackFacts endFacts(StoredFeedback end, String contractId, Set<String> revealedFeedback,
                                          Set<String> closedWindows) {
        return end == null ? null : new FeedbackFacts(end.feedbackId(), end.privateRecommend(), end.publicOverall(),
                end.privateEndReason(), end.submittedAt(),
                revealedFeedback.contains(end.feedbackId()) || closedWindows.contains(contractId));
    }

    /** Mid-contract feedback, oldest first; whether it counts is the model's decision (periodic_feedback_counts). */
    private static List<FeedbackFacts> periodicFacts(Map<String, List<StoredFeedback>> periodic, String contractId) {
        return periodic.getOrDefault(contractId, List.of()).stream()
                .sorted(Comparator.comparing(StoredFeedback::submittedAt).thenComparing(StoredFeedback::feedbackId))
                .map(f -> new FeedbackFacts(f.feedbackId(), f.privateRecommend(), f.publicOverall(), null, f.submittedAt(), true))
                .toList();
    }

    // The rows as stored; merged above into each contract's facts.
    private record StoredContract(String contractId, String freelancerId, String clientId, ContractStatus status,
                                  Instant startedAt, Instant endedAt, long netEarningsCents, List<Instant> paymentInstants,
                                  EndReason endReasonCode, EndedBy endedBy, DisputeOutcome disputeOutcome, Instant occurredAt) {}

    private record StoredAdjustment(String contractId, long netEarningsCents, List<Instant> paymentInstants,
                                    DisputeOutcome disputeOutcome, String adjustmentCause, Instant occurredAt) {}

    private record StoredFeedback(String contractId, String feedbackId, Integer privateRecommend, BigDecimal publicOverall,
                                  String privateEndReason, Instant submittedAt) {}

    private record StoredStart(String contractId, String freelancerId, String clientId, Instant startedAt) {}

    private record StoredOpenPayment(String contractId, String freelancerId, String clientId, ContractStatus status,
                                     Instant startedAt, long netEarningsCents, List<Instant> paymentInstants) {}

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, Array ids, RowReader<T> reader) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, ids);
            List<T> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(reader.read(rows));
                }
            }
            return out;
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<Instant> instants(ResultSet row, int column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Instant> out = new ArrayList<>(values.length);
        for (Object value : values) {
            out.add(((Timestamp) value).toInstant());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** domain.md §d.0: a date is the UTC calendar date of an instant. */
    public static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
