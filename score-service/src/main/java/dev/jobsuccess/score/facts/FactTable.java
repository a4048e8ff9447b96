package dev.jobsuccess.score.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One fact table and its rule for a second report of the same fact: either the first report is kept (a reveal, a
 * closed window, a feedback), or the latest report wins (by a version instant, then by event id). Writes many facts
 * in one statement and says which of them changed the stored facts.
 *
 * <p>Every value travels as text and is cast by PostgreSQL, so one array per column carries a whole poll.
 */
final class FactTable<F> {

    /** A fact with the event that reported it. */
    record Report<F>(int index, F fact, UUID eventId, Instant recordedAt) {}

    /** A column, its PostgreSQL type, and its value as text (null for SQL NULL). */
    record Column<F>(String name, String type, Function<Report<F>, String> value) {}

    private final String table;
    private final String key;
    private final Function<F, String> keyOf;
    /** Null when the first report is kept. */
    private final Function<F, Instant> versionOf;
    private final String versionColumn;
    private final List<Column<F>> columns;
    private final String sql;

    private FactTable(String table, String key, Function<F, String> keyOf, String versionColumn, Function<F, Instant> versionOf,
                      List<Column<F>> columns) {
        this.table = table;
        this.key = key;
        this.keyOf = keyOf;
        this.versionColumn = versionColumn;
        this.versionOf = versionOf;
        this.columns = List.copyOf(columns);
        this.sql = upsertSql();
    }

    /** A table that keeps the first report of each fact. */
    static <F> FactTable<F> firstReportWins(String table, String key, Function<F, String> keyOf, List<Column<F>> columns) {
        return new FactTable<>(table, key, keyOf, null, null, columns);
    }

    /** A table whose row is replaced by a report that occurred later (ties: the greater event id). */
    static <F> FactTable<F> latestReportWins(String table, String key, Function<F, String> keyOf, String versionColumn,
                                             Function<F, Instant> versionOf, List<Column<F>> columns) {
        return new FactTable<>(table, key, keyOf, versionColumn, versionOf, columns);
    }

    static <F> Column<F> column(String name, String type, Function<Report<F>, String> value) {
        return new Column<>(name, type, value);
    }

    String table() {
        return table;
    }

    /**
     * Stores the reports (given in their order) in one statement. Of several reports of one fact in the list, the one
     * the rule keeps is the one written, so the result is the same as writing them one by one.
     *
     * @return the reports that changed the stored facts, in their order
     */
    List<Report<F>> store(Connection connection, List<Report<F>> reports) throws SQLException {
        if (reports.isEmpty()) {
            return List.of();
        }
        Map<String, Report<F>> winners = new LinkedHashMap<>();
        for (Report<F> report : reports) {
            winners.merge(keyOf.apply(report.fact()), report, (kept, next) -> replaces(next, kept) ? next : kept);
        }
        List<Report<F>> rows = new ArrayList<>(winners.values());
        Set<String> changed = new HashSet<>();
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.size(); c++) {
                Column<F> column = columns.get(c);
                upsert.setArray(c + 1, connection.createArrayOf("text", rows.stream().map(column.value()).toArray()));
            }
            try (ResultSet keys = upsert.executeQuery()) {
                while (keys.next()) {
                    changed.add(keys.getString(1));
                }
            }
        }
        return rows.stream().filter(r -> changed.contains(keyOf.apply(r.fact())))
                .sorted(java.util.Comparator.comparingInt(Report::index)).toList();
    }

    /** Whether {@code next} replaces {@code kept} under this table's rule; the same order the database applies. */
    private boolean replaces(Report<F> next, Report<F> kept) {
        if (versionOf == null) {
            return false;
        }
        return Newer.than(versionOf.apply(next.fact()), next.eventId(), versionOf.apply(kept.fact()), kept.eventId());
    }

    private String upsertSql() {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String casts = columns.stream().map(c -> "v." + c.name() + "::" + c.type()).collect(Collectors.joining(", "));
        String arrays = columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", "));
        String onConflict;
        if (versionOf == null) {
            onConflict = "ON CONFLICT (" + key + ") DO NOTHING";
        } else {
            String updates = columns.stream().map(Column::name).filter(n -> !n.equals(key))
                    .map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "));
            onConflict = "ON CONFLICT (" + key + ") DO UPDATE SET " + updates + " WHERE (EXCLUDED." + versionColumn
                    + ", EXCLUDED.source_event_id) > (" + table + "." + versionColumn + ", " + table + ".source_event_id)";
        }
        return "INSERT INTO " + table + " (" + names + ") SELECT " + casts + " FROM unnest(" + arrays + ") AS v (" + names
                + ") " + onConflict + " RETURNING " + key;
    }

    /** An instant as PostgreSQL reads it. */
    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The instants of a contract's earnings as a PostgreSQL array literal, or null when it has none reported. */
    static String earningInstants(List<Earning> earnings) {
        return earnings == null ? null : text(earnings.stream().map(Earning::at).toList());
    }

    /** The amounts of a contract's earnings as a PostgreSQL array literal, or null when it has none reported. */
    static String earningCents(List<Earning> earnings) {
        return earnings == null ? null
                : earnings.stream().map(e -> Long.toString(e.amountCents())).collect(Collectors.joining(",", "{", "}"));
    }

    /** A list of instants as a PostgreSQL array literal. */
    static String text(List<Instant> instants) {
        return instants.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
