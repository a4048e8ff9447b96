package dev.jobsuccess.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The run's table: faults by kind, the requests' outcomes during each kind of fault, the checks and violations. */
final class Report {

    private Report() {
    }

    static void print(Duration duration, Faults faults, Stats stats, Api api, Workload workload, Invariants invariants,
                      List<String> violations) {
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format("chaos run: %d s of workload under faults, 2 replicas of each service, broker with SASL/SCRAM and ACLs%n%n",
                duration.toSeconds()));
        out.append(String.format("| %-34s | %8s | %8s | %8s | %8s | %8s | %11s |%n", "requests (attempts) while", "faults", "sent", "2xx", "4xx", "5xx", "conn errors"));
        out.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(36), "-".repeat(10), "-".repeat(10), "-".repeat(10),
                "-".repeat(10), "-".repeat(10), "-".repeat(13)));
        for (FaultKind k : FaultKind.values()) {
            row(out, k.label, Integer.toString(faults.injected(k)), stats.row(1 + k.ordinal()));
        }
        row(out, "no fault", "", stats.row(FaultKind.values().length + 1));
        int total = 0;
        for (FaultKind k : FaultKind.values()) {
            total += faults.injected(k);
        }
        row(out, "all", Integer.toString(total), stats.row(0));
        out.append(String.format("%nlogical requests: %d (each retried with its Idempotency-Key until answered), without a definite answer: %d%n",
                api.requests.get(), api.unanswered.get()));
        out.append(String.format("replica starts that failed (the database was restarting) and were started again: %d%n",
                faults.restartedAfterFailedStart.get()));
        out.append("lifecycles: ").append(workload.lifecycles).append(", contracts: ").append(workload.contracts.size()).append('\n');
        out.append("checked: ");
        invariants.checked.forEach((what, n) -> out.append(what).append(" ").append(n).append("; "));
        out.append(String.format("%n%ninvariant violations: %d%n", violations.size()));
        violations.stream().limit(50).forEach(v -> out.append("  - ").append(v).append('\n'));
        if (violations.size() > 50) {
            out.append("  ... and ").append(violations.size() - 50).append(" more\n");
        }
        System.out.print(out);
        System.out.flush();
    }

    private static void row(StringBuilder out, String label, String faults, Map<Stats.Outcome, Long> r) {
        out.append(String.format("| %-34s | %8s | %8d | %8d | %8d | %8d | %11d |%n", label, faults, r.get(Stats.Outcome.SENT),
                r.get(Stats.Outcome.OK_2XX), r.get(Stats.Outcome.CLIENT_4XX), r.get(Stats.Outcome.SERVER_5XX),
                r.get(Stats.Outcome.CONNECTION_ERROR)));
    }
}
