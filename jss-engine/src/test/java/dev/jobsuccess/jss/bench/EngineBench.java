package dev.jobsuccess.jss.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.Window;

/**
 * Throughput of one recompute (run by bin/bench, not by the test suite): a freelancer history of
 * N contracts, computed repeatedly after a warm-up. Prints computes per second and µs per compute.
 */
public final class EngineBench {

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {10, 100, 1000};
        for (int n : sizes) {
            JssRequest request = history(n, new Random(42));
            long iterations = Math.max(200, 2_000_000 / n);
            run(request, iterations / 4); // warm-up
            long start = System.nanoTime();
            long sink = run(request, iterations);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("engine: %5d contracts  %10.0f computes/s  %9.1f µs/compute  (checksum %d)%n",
                    n, iterations / seconds, seconds * 1e6 / iterations, sink);
            JssEngine.jssWithout(request); // the explanation path, once, so it is exercised too
        }
        // The freelancer's explanation: what the published windows leave open when every contract's class comes from
        // its client's private rating (the worst case: nothing is fixed by a public rating).
        for (int n : new int[] {10, 30, 60, 100, 200}) {
            JssRequest request = history(n, new Random(7));
            Map<Window, Integer> published = JssEngine.compute(request).windows();
            List<ContractRecord> publicOnly = request.contracts().stream().map(r -> new ContractRecord(r.contractId(),
                    r.clientId(), r.status(), r.startedAt(), r.endedAt(), r.netEarningsCents(), r.paymentDates(), null,
                    r.publicOverall(), null, r.disputeOutcome(), false, false)).toList();
            Set<String> undisclosed = publicOnly.stream().map(ContractRecord::contractId).collect(Collectors.toSet());
            JssRequest open = new JssRequest(request.asOf(), request.params(), publicOnly);
            try {
                ConsistentAssignments.explain(open, undisclosed, published, ConsistentAssignments.DEFAULT_MAX_STATES); // warm-up
                int rounds = 5;
                long start = System.nanoTime();
                int determined = 0;
                for (int i = 0; i < rounds; i++) {
                    determined = (int) ConsistentAssignments.explain(open, undisclosed, published,
                            ConsistentAssignments.DEFAULT_MAX_STATES).stream().filter(ConsistentAssignments.ContractRange::determined).count();
                }
                System.out.printf("private-feedback ranges: %4d contracts  %9.1f ms/explanation  (%d of them determined)%n",
                        n, (System.nanoTime() - start) / 1e6 / rounds, determined);
            } catch (ConsistentAssignments.TooManyCombinationsException e) {
                System.out.printf("private-feedback ranges: %4d contracts  refused (422): %s%n", n, e.getMessage());
            }
        }
    }

    private static long run(JssRequest request, long iterations) {
        long sink = 0;
        for (long i = 0; i < iterations; i++) {
            Integer jss = JssEngine.compute(request).jss();
            sink += jss == null ? -1 : jss;
        }
        return sink;
    }

    private static JssRequest history(int n, Random random) {
        LocalDate asOf = LocalDate.of(2025, 7, 1);
        List<ContractRecord> contracts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate start = asOf.minusDays(30 + random.nextInt(900));
            LocalDate end = start.plusDays(5 + random.nextInt(200));
            if (end.isAfter(asOf)) {
                end = asOf;
            }
            contracts.add(new ContractRecord("k" + i, "c" + random.nextInt(Math.max(2, n / 3)), ContractStatus.ENDED, start, end,
                    (long) random.nextInt(500_000), List.of(end), random.nextInt(11),
                    random.nextBoolean() ? BigDecimal.valueOf(100 + random.nextInt(401), 2) : null,
                    null, DisputeOutcome.NONE, false, false));
        }
        return new JssRequest(asOf, JssParams.defaults(), contracts);
    }
}
