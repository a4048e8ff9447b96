package dev.jobsuccess.jss.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;

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
