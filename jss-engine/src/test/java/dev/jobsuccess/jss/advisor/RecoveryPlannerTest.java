package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.Window;

class RecoveryPlannerTest {

    /** EX-2: J1 $500 NEGATIVE (2025-03-01), J2 $500 SUCCESS (2025-05-01): 5/10 → 50 on 2025-07-01. */
    private static final JssRequest EX2 = Cases.example("examples/ex02-seed003-law-of-averages.json");

    private static RecoveryPlanner.NewContracts fiveHundredDollars(String firstEnd, int intervalDays) {
        return new RecoveryPlanner.NewContracts(50_000, 20, 10, date(firstEnd), intervalDays);
    }

    @Test
    void oneMoreJobLiftsTrendingToEightyThree() {
        // N = 1, all ending 2025-07-01: W24 = W12 = W6 = 10/15 → 66; W3 (from 04-01) = J2 + new = 100; TRENDING
        // = floor((100 + 66) / 2) = 83 ≥ 80.
        RecoveryPlanner.Plan plan = RecoveryPlanner.plan(EX2, 80, fiveHundredDollars("2025-07-01", 0), 50);
        assertEquals(1, plan.contracts());
        assertEquals(date("2025-07-01"), plan.date());
        assertEquals(83, plan.estimate().jss());
        assertEquals(Window.TRENDING, plan.estimate().selectedWindow());
    }

    @Test
    void topRatedNeedsThree() {
        // N = 2: W6 = 15/20 → 75, TRENDING (100 + 75) / 2 = 87. N = 3: W6 = 20/25 → 80, TRENDING 90.
        RecoveryPlanner.Plan plan = RecoveryPlanner.plan(EX2, 90, fiveHundredDollars("2025-07-01", 0), 50);
        assertEquals(3, plan.contracts());
        assertEquals(90, plan.estimate().jss());
    }

    @Test
    void alreadyThereNeedsNone() {
        RecoveryPlanner.Plan plan = RecoveryPlanner.plan(EX2, 50, fiveHundredDollars("2025-07-01", 0), 50);
        assertEquals(0, plan.contracts());
        assertEquals(date("2025-07-01"), plan.date());
    }

    @Test
    void aHundredWaitsForTheNegativeToLeaveW6() {
        // Same day: J1 stays in W24, W12 and W6, so no candidate reaches 100 however many contracts.
        RecoveryPlanner.Plan sameDay = RecoveryPlanner.plan(EX2, 100, fiveHundredDollars("2025-07-01", 0), 40);
        assertFalse(sameDay.reachable());
        assertEquals(RecoveryPlanner.MORE_THAN_MAX_CONTRACTS, sameDay.impossibleReason());
        // One every 30 days: the 4th ends 2025-09-29, when W6 starts 2025-03-29 after J1 (03-01): J2 + 4 new = 100.
        // The 3rd ends 2025-08-30, when W6 (from 02-28) still holds J1.
        RecoveryPlanner.Plan monthly = RecoveryPlanner.plan(EX2, 100, fiveHundredDollars("2025-07-01", 30), 40);
        assertEquals(4, monthly.contracts());
        assertEquals(date("2025-09-29"), monthly.date());
        assertEquals(Window.W6, monthly.estimate().selectedWindow());
    }

    @Test
    void impossibleWithinTheWindows() {
        // One every 400 days: the 2nd (2026-08-05) leaves 75 in W24 and nothing else computable; the 3rd would end
        // after 2027-07-01, past the 24-month horizon.
        RecoveryPlanner.Plan plan = RecoveryPlanner.plan(EX2, 100, fiveHundredDollars("2025-07-01", 400), 40);
        assertFalse(plan.reachable());
        assertEquals(RecoveryPlanner.IMPOSSIBLE_WITHIN_WINDOWS, plan.impossibleReason());
    }

    /** The planner against brute force: for N = 0..k, the engine on the records built here, at the N-th end date. */
    @Test
    void theSameMinimalCountAndDateAsBruteForce() {
        Random random = new Random(14);
        int reachable = 0;
        for (int run = 0; run < 300; run++) {
            LocalDate asOf = date("2025-07-01");
            List<ContractRecord> existing = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                LocalDate end = asOf.minusDays(random.nextInt(800));
                long net = new long[] {0, 20_000, 50_000, 200_000}[random.nextInt(4)];
                Integer rec = random.nextInt(5) == 0 ? null : random.nextInt(11);
                BigDecimal overall = random.nextBoolean() ? null : new BigDecimal(1 + random.nextInt(5));
                existing.add(new ContractRecord("e" + i, "c" + random.nextInt(3), ContractStatus.ENDED, end.minusDays(30), end,
                        net, net > 0 ? List.of(end) : List.of(), rec, overall, null, null, null, null));
            }
            int target = 60 + random.nextInt(41);
            long size = new long[] {10_000, 50_000, 150_000}[random.nextInt(3)];
            int interval = new int[] {0, 7, 30, 90}[random.nextInt(4)];
            LocalDate firstEnd = asOf.plusDays(random.nextInt(60));
            int rec = 9 + random.nextInt(2);
            int max = 12;
            RecoveryPlanner.Plan plan = RecoveryPlanner.plan(new JssRequest(asOf, null, existing), target,
                    new RecoveryPlanner.NewContracts(size, 10, rec, firstEnd, interval), max);

            Integer bruteN = null;
            LocalDate bruteDate = null;
            for (int count = 0; count <= max && bruteN == null; count++) {
                LocalDate at = count == 0 ? asOf : firstEnd.plusDays((long) (count - 1) * interval);
                if (at.isAfter(asOf.plusMonths(24))) {
                    break;
                }
                List<ContractRecord> all = new ArrayList<>(existing);
                for (int k = 1; k <= count; k++) {
                    LocalDate end = firstEnd.plusDays((long) (k - 1) * interval);
                    all.add(new ContractRecord("new" + k, "new-client" + k, ContractStatus.ENDED, end.minusDays(10), end, size,
                            List.of(end), rec, null, null, null, null, null));
                }
                Integer jss = JssEngine.compute(new JssRequest(at, null, all)).jss();
                if (jss != null && jss >= target) {
                    bruteN = count;
                    bruteDate = at;
                }
            }
            String label = "run " + run + ": " + existing + " target " + target + " size " + size + " every " + interval;
            assertEquals(bruteN, plan.contracts(), label);
            assertEquals(bruteDate, plan.date(), label);
            assertEquals(bruteN != null, plan.reachable(), label);
            reachable += bruteN != null ? 1 : 0;
        }
        // Both kinds of answer were exercised.
        assertTrue(reachable > 50 && reachable < 300, "reachable in " + reachable + " of 300");
    }
}
