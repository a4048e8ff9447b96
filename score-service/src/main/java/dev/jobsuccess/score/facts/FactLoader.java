package dev.jobsuccess.score.facts;

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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import dev.jobsuccess.commons.time.TimestampText;
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

    /** Contract-level facts, and the flags of their clients; the first column says what the row is. */
    private static final String CONTRACT_ROWS = """
            SELECT 'CLOSED', contract_id, freelancer_id, client_id, status, started_at, ended_at, net_earnings_cents,
                   payment_instants, end_reason_code, ended_by, dispute_outcome, occurred_at, category,
                   earning_instants, earning_cents
            FROM contract_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'ADJUSTED', contract_id, freelancer_id, client_id, NULL, NULL, NULL, net_earnings_cents,
                   payment_instants, NULL, NULL, dispute_outcome, occurred_at, adjustment_cause, earning_instants,
                   earning_cents
            FROM contract_adjustment_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'STARTED', contract_id, freelancer_id, client_id, NULL, started_at, NULL, NULL, NULL, NULL,
                   NULL, NULL, occurred_at, category, NULL, NULL
            FROM contract_start_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'PAID', contract_id, freelancer_id, client_id, status, started_at, NULL, net_earnings_cents,
                   payment_instants, NULL, NULL, NULL, occurred_at, NULL, earning_instants, earning_cents
            FROM contract_payment_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'FLAGGED', NULL, NULL, client_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL
            FROM client_flag_fact WHERE flagged
                AND client_id IN (SELECT client_id FROM contract_party WHERE freelancer_id = ANY (?))
            UNION ALL SELECT 'HOLD', NULL, freelancer_id, NULL, NULL, starts_at, ends_at, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL
            FROM account_hold WHERE freelancer_id = ANY (?)""";

    /** Feedback-level facts; the first column says what the row is. */
    private static final String FEEDBACK_ROWS = """
            SELECT 'END', contract_id, feedback_id, private_recommend, public_overall, private_end_reason, submitted_at
            FROM client_feedback_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'PERIODIC', contract_id, feedback_id, private_recommend, public_overall, NULL, submitted_at
            FROM periodic_feedback_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'REVEALED', contract_id, feedback_id, NULL, NULL, NULL, NULL
            FROM feedback_reveal_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'WINDOW_CLOSED', contract_id, NULL, NULL, NULL, NULL, NULL
            FROM feedback_window_fact WHERE freelancer_id = ANY (?)
            UNION ALL SELECT 'REMOVED', contract_id, NULL, NULL, NULL, NULL, NULL
            FROM feedback_removal WHERE freelancer_id = ANY (?) AND accepted AND NOT kept_in_jss""";

    private static final String WEEKLY_ROWS =
            "SELECT freelancer_id, week_date, jss FROM weekly_score WHERE freelancer_id = ANY (?) AND week_date >= ?";

    private Map<String, FreelancerFacts> load(Connection connection, Collection<String> freelancerIds, LocalDate asOf)
            throws SQLException {
        Map<String, FreelancerFacts> out = new LinkedHashMap<>();
        Array ids = connection.createArrayOf("text", freelancerIds.toArray());
        List<StoredContract> contracts = new ArrayList<>();
        Map<String, StoredAdjustment> adjustments = new HashMap<>();
        Map<String, StoredStart> starts = new HashMap<>();
        Map<String, StoredOpenPayment> openPayments = new HashMap<>();
        Set<String> flaggedClients = new HashSet<>();
        Map<String, List<AccountHoldPeriod>> holds = new HashMap<>();
        Map<String, StoredFeedback> endFeedback = new HashMap<>();
        Map<String, List<StoredFeedback>> periodic = new HashMap<>();
        Set<String> revealedFeedback = new HashSet<>();
        Set<String> closedWindows = new HashSet<>();
        Set<String> removedContracts = new HashSet<>();
        Map<String, Map<LocalDate, Integer>> weekly = new HashMap<>();
        // Three queries whatever the number of freelancers, sent in one round trip: the driver sends the statements
        // together and hands their results back in order.
        try (PreparedStatement select = connection.prepareStatement(CONTRACT_ROWS + ";\n" + FEEDBACK_ROWS + ";\n" + WEEKLY_ROWS)) {
            for (int i = 1; i <= 12; i++) {
                select.setArray(i, ids);
            }
            select.setObject(13, asOf.minusWeeks(WEEKS_KEPT_IN_VIEW));
            select.execute();
            try (ResultSet r = select.getResultSet()) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "CLOSED" -> contracts.add(new StoredContract(r.getString(2), r.getString(3), r.getString(4),
                                ContractStatus.valueOf(r.getString(5)), instant(r, 6), instant(r, 7), r.getLong(8),
                                instants(r, 9), enumOrNull(EndReason.class, r.getString(10)),
                                enumOrNull(EndedBy.class, r.getString(11)), DisputeOutcome.valueOf(r.getString(12)),
                                instant(r, 13), r.getString(14), earnings(r, 15)));
                        case "ADJUSTED" -> adjustments.put(r.getString(2), new StoredAdjustment(r.getString(2), r.getLong(8),
                                instants(r, 9), DisputeOutcome.valueOf(r.getString(12)), r.getString(14), instant(r, 13),
                                earnings(r, 15)));
                        case "STARTED" -> starts.put(r.getString(2), new StoredStart(r.getString(2), r.getString(3),
                                r.getString(4), instant(r, 6), r.getString(14)));
                        case "PAID" -> openPayments.put(r.getString(2), new StoredOpenPayment(r.getString(2), r.getString(3),
                                r.getString(4), ContractStatus.valueOf(r.getString(5)), instant(r, 6), r.getLong(8),
                                instants(r, 9), earnings(r, 15)));
                        case "HOLD" -> holds.computeIfAbsent(r.getString(3), k -> new ArrayList<>())
                                .add(new AccountHoldPeriod(instant(r, 6), instant(r, 7)));
                        default -> flaggedClients.add(r.getString(4));
                    }
                }
            }
            select.getMoreResults();
            try (ResultSet r = select.getResultSet()) {
                while (r.next()) {
                    String contractId = r.getString(2);
                    switch (r.getString(1)) {
                        case "END" -> endFeedback.put(contractId, new StoredFeedback(contractId, r.getString(3),
                                (Integer) r.getObject(4), r.getBigDecimal(5), r.getString(6), instant(r, 7)));
                        case "PERIODIC" -> periodic.computeIfAbsent(contractId, k -> new ArrayList<>()).add(new StoredFeedback(
                                contractId, r.getString(3), (Integer) r.getObject(4), r.getBigDecimal(5), null, instant(r, 7)));
                        case "REVEALED" -> revealedFeedback.add(r.getString(3));
                        case "WINDOW_CLOSED" -> closedWindows.add(contractId);
                        default -> removedContracts.add(contractId);
                    }
                }
            }
            select.getMoreResults();
            try (ResultSet r = select.getResultSet()) {
                while (r.next()) {
                    weekly.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getObject(2, LocalDate.class), r.getInt(3));
                }
            }
        }
        // A close always wins over the open facts, whatever order they arrived in: an ended contract never reopens.
        Set<String> closed = contracts.stream().map(StoredContract::contractId).collect(toSet());
        Set<String> open = new TreeSet<>();
        starts.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);
        openPayments.keySet().stream().filter(id -> !closed.contains(id)).forEach(open::add);

        Map<String, List<ContractFacts>> byFreelancer = new HashMap<>();
        for (StoredContract c : contracts) {
            StoredAdjustment adjustment = adjustments.get(c.contractId);
            // The adjustment reports later money, unless the close was published again after it.
            boolean adjusted = adjustment != null && !adjustment.occurredAt().isBefore(c.occurredAt());
            List<Instant> payments = adjusted ? adjustment.paymentInstants() : c.paymentInstants();
            StoredStart start = starts.get(c.contractId());
            String category = c.category() != null ? c.category() : start == null ? null : start.category();
            byFreelancer.computeIfAbsent(c.freelancerId(), k -> new ArrayList<>()).add(new ContractFacts(c.contractId(),
                    c.clientId(), c.status(), utcDate(c.startedAt()), utcDate(c.endedAt()), c.endedBy(), c.endReasonCode(),
                    adjusted ? adjustment.netEarningsCents() : c.netEarningsCents(),
                    payments.stream().map(FactLoader::utcDate).sorted().toList(),
                    adjusted ? adjustment.disputeOutcome() : c.disputeOutcome(),
                    adjusted ? adjustment.adjustmentCause() : null,
                    endFacts(endFeedback.get(c.contractId()), c.contractId(), revealedFeedback, closedWindows),
                    closedWindows.contains(c.contractId()), periodicFacts(periodic, c.contractId()), flaggedClients.contains(c.clientId()),
                    removedContracts.contains(c.contractId()), category, adjusted ? adjustment.earnings() : c.earnings()));
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
                    closedWindows.contains(contractId), periodicFacts(periodic, contractId), flaggedClients.contains(clientId),
                    removedContracts.contains(contractId), start == null ? null : start.category(),
                    payment == null ? List.of() : payment.earnings()));
        }
        for (String freelancerId : freelancerIds) {
            List<ContractFacts> own = new ArrayList<>(byFreelancer.getOrDefault(freelancerId, List.of()));
            own.sort(Comparator.comparing(ContractFacts::endedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ContractFacts::contractId));
            out.put(freelancerId, new FreelancerFacts(freelancerId, own, weekly.getOrDefault(freelancerId, Map.of()),
                    holds.getOrDefault(freelancerId, List.of())));
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
                                  EndReason endReasonCode, EndedBy endedBy, DisputeOutcome disputeOutcome, Instant occurredAt,
                                  String category, List<Earning> earnings) {}

    private record StoredAdjustment(String contractId, long netEarningsCents, List<Instant> paymentInstants,
                                    DisputeOutcome disputeOutcome, String adjustmentCause, Instant occurredAt,
                                    List<Earning> earnings) {}

    private record StoredFeedback(String contractId, String feedbackId, Integer privateRecommend, BigDecimal publicOverall,
                                  String privateEndReason, Instant submittedAt) {}

    private record StoredStart(String contractId, String freelancerId, String clientId, Instant startedAt, String category) {}

    private record StoredOpenPayment(String contractId, String freelancerId, String clientId, ContractStatus status,
                                     Instant startedAt, long netEarningsCents, List<Instant> paymentInstants,
                                     List<Earning> earnings) {}

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The earnings stored in two arrays from {@code column} on, or null when their event did not report them. */
    private static List<Earning> earnings(ResultSet row, int column) throws SQLException {
        Array cents = row.getArray(column + 1);
        if (cents == null) {
            return null;
        }
        List<Instant> at = instants(row, column);
        Long[] amounts = (Long[]) cents.getArray();
        List<Earning> out = new ArrayList<>(amounts.length);
        for (int i = 0; i < amounts.length; i++) {
            out.add(new Earning(at.get(i), amounts[i]));
        }
        return out;
    }

    private static List<Instant> instants(ResultSet row, int column) throws SQLException {
        // The array's text, read directly: the driver's own reading of timestamptz[] was a tenth of the consumer (JFR).
        String text = row.getString(column);
        if (text == null) {
            return List.of();
        }
        List<Instant> read = TimestampText.postgresArray(text);
        if (read != null) {
            return read;
        }
        Array array = row.getArray(column);
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
