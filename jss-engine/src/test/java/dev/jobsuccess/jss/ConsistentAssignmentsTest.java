package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The dynamic programme against brute force: on small random cases, every assignment of private classes to the
 * undisclosed contracts is tried, those giving the published windows kept, and what they agree on compared.
 */
class ConsistentAssignmentsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-07-01");
    private static final List<Satisfaction> CLASSES = ConsistentAssignments.PRIVATE_CLASSES;

    /** One random freelancer: records with public facts only, the undisclosed ones, and the real private classes. */
    private record Case(JssParams params, List<ContractRecord> publicRecords, Set<String> undisclosed,
                        Map<String, Satisfaction> real) {

        JssRequest request(LocalDate asOf, Map<String, Satisfaction> classes, List<ContractRecord> records) {
            List<ContractRecord> out = new ArrayList<>();
            for (ContractRecord r : records) {
                Satisfaction p = classes.get(r.contractId());
                out.add(p == null ? r : withRating(r, ConsistentAssignments.ratingFor(p)));
            }
            return new JssRequest(asOf, params, out);
        }

        Map<Window, Integer> published() {
            return JssEngine.compute(request(AS_OF, real, publicRecords)).windows();
        }

        /** Every assignment over the undisclosed contracts. */
        List<Map<String, Satisfaction>> assignments() {
            List<Map<String, Satisfaction>> all = new ArrayList<>();
            all.add(Map.of());
            for (String id : undisclosed) {
                List<Map<String, Satisfaction>> next = new ArrayList<>();
                for (Map<String, Satisfaction> partial : all) {
                    for (Satisfaction p : CLASSES) {
                        Map<String, Satisfaction> m = new HashMap<>(partial);
                        m.put(id, p);
                        next.add(m);
                    }
                }
                all = next;
            }
            return all;
        }

        boolean consistent(Map<String, Satisfaction> assignment) {
            Map<Window, Integer> windows = JssEngine.compute(request(AS_OF, assignment, publicRecords)).windows();
            Map<Window, Integer> published = published();
            return Windows.ROLLING.stream().allMatch(w -> java.util.Objects.equals(windows.get(w), published.get(w)));
        }
    }

    private static ContractRecord withRating(ContractRecord r, Integer rating) {
        return new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(), r.netEarningsCents(),
                r.paymentDates(), rating, r.publicOverall(), r.endReasonCode(), r.disputeOutcome(), r.clientFlagged(),
                r.perkRemovedFromJss());
    }

    private static Case randomCase(Random random) {
        JssParams params = random.nextInt(4) == 0
                ? new JssParams(Formula.NET, null, null, null, null, null, null).withDefaults() : JssParams.defaults();
        int n = 2 + random.nextInt(6);
        List<ContractRecord> records = new ArrayList<>();
        Set<String> undisclosed = new LinkedHashSet<>();
        Map<String, Satisfaction> real = new HashMap<>();
        long[] amounts = {0, 20_000, 50_000, 250_000};
        String[] publicRatings = {null, null, "5.00", "4.00", "2.00"};
        for (int i = 0; i < n; i++) {
            String id = "K" + i;
            LocalDate ended = AS_OF.minusDays(random.nextInt(900));
            LocalDate started = ended.minusDays(10 + random.nextInt(300));
            List<LocalDate> payments = random.nextBoolean() ? List.of(ended) : List.of(started.plusDays(95), ended);
            String overall = publicRatings[random.nextInt(publicRatings.length)];
            DisputeOutcome dispute = random.nextInt(8) == 0 ? DisputeOutcome.SPLIT : DisputeOutcome.NONE;
            records.add(new ContractRecord(id, "c" + random.nextInt(3), ContractStatus.ENDED, started, ended,
                    amounts[random.nextInt(amounts.length)], payments.stream().filter(d -> !d.isBefore(started)).toList(), null,
                    overall == null ? null : new BigDecimal(overall), null, dispute, false, false));
            if (random.nextInt(3) > 0) {
                undisclosed.add(id);
                real.put(id, CLASSES.get(random.nextInt(CLASSES.size())));
            }
        }
        return new Case(params, records, undisclosed, real);
    }

    @Test
    void whatEachContractShowsMatchesBruteForce() {
        Random random = new Random(20261201);
        int impactsShown = 0;
        for (int round = 0; round < 300; round++) {
            Case c = randomCase(random);
            List<Map<String, Satisfaction>> consistent = c.assignments().stream().filter(c::consistent).toList();
            assertTrue(consistent.contains(c.real()), "the real assignment is consistent");

            List<ConsistentAssignments.ContractRange> ranges = ConsistentAssignments.explain(
                    new JssRequest(AS_OF, c.params(), c.publicRecords()), c.undisclosed(), c.published(), 1_000_000);

            for (int i = 0; i < c.publicRecords().size(); i++) {
                String id = c.publicRecords().get(i).contractId();
                Set<Satisfaction> classes = new HashSet<>();
                Set<List<Object>> shown = new HashSet<>();
                Set<Integer> without = new HashSet<>();
                for (Map<String, Satisfaction> a : consistent) {
                    JssRequest request = c.request(AS_OF, a, c.publicRecords());
                    ContractResult r = JssEngine.compute(request).contracts().get(i);
                    if (a.containsKey(id)) {
                        classes.add(a.get(id));
                    }
                    shown.add(java.util.Arrays.asList(r.inclusion(), r.outcome()));
                    without.add(JssEngine.jssWithout(request).get(id));
                }
                ConsistentAssignments.ContractRange range = ranges.get(i);
                String where = "round " + round + ", contract " + id + " of " + c;
                assertEquals(id, range.contractId(), where);
                assertEquals(shown.size() == 1, range.determined(), where);
                if (c.undisclosed().contains(id)) {
                    assertEquals(classes, range.privateClasses(), where);
                }
                if (range.determined()) {
                    List<Object> only = shown.iterator().next();
                    assertEquals(only.get(0), range.inclusion(), where);
                    assertEquals(only.get(1), range.outcome(), where);
                    if (range.jssWithoutDetermined()) {
                        impactsShown++;
                        assertEquals(Collections.singleton(range.jssWithout()), without, where);
                    }
                    if (without.size() > 1) {
                        assertFalse(range.jssWithoutDetermined(), where);
                    }
                }
            }
        }
        assertTrue(impactsShown > 300, "the exact case is exercised: " + impactsShown);
    }

    @Test
    void whatIfScenariosMatchBruteForce() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Case c = randomCase(random);
            // The change: the first contract refunded to $0, a new positive contract, and 100 days later.
            LocalDate later = AS_OF.plusDays(100);
            List<ContractRecord> after = new ArrayList<>(c.publicRecords());
            ContractRecord first = after.getFirst();
            after.set(0, new ContractRecord(first.contractId(), first.clientId(), first.status(), first.startedAt(),
                    first.endedAt(), 0L, first.paymentDates(), first.privateRecommend(), first.publicOverall(),
                    first.endReasonCode(), first.disputeOutcome(), false, false));
            after.add(new ContractRecord("NEW", "c9", ContractStatus.ENDED, AS_OF.plusDays(10), AS_OF.plusDays(40), 30_000L,
                    List.of(AS_OF.plusDays(40)), 10, new BigDecimal("5.00"), null, null, false, false));

            Set<Map<Window, Integer>> expected = new HashSet<>();
            for (Map<String, Satisfaction> a : c.assignments().stream().filter(c::consistent).toList()) {
                expected.add(JssEngine.compute(c.request(later, a, after)).windows());
            }
            List<ConsistentAssignments.Scenario> scenarios = ConsistentAssignments.whatIf(
                    new JssRequest(AS_OF, c.params(), c.publicRecords()), c.undisclosed(), c.published(),
                    new JssRequest(later, c.params(), after), c.undisclosed(), 1_000_000);
            Set<Map<Window, Integer>> found = new HashSet<>();
            for (ConsistentAssignments.Scenario s : scenarios) {
                found.add(s.windows());
                assertTrue(c.consistent(s.witness()), "round " + round + ": the witness is consistent");
                assertEquals(s.windows(), JssEngine.compute(c.request(later, s.witness(), after)).windows(),
                        "round " + round + ": the witness leads to its windows");
            }
            assertEquals(expected, found, "round " + round + " of " + c);
        }
    }

    @Test
    void inEx4OnlyPrivateFeedbackDecidesZ3WhileAPublicOneStarFixesItsClass() {
        JssRequest ex4 = ExampleJson.request(ExampleJson.read(ExampleJson.files("examples").stream()
                .filter(p -> p.getFileName().toString().equals("ex04a-seed004-zero-pay-rule.json")).findFirst().orElseThrow()));
        Map<Window, Integer> published = JssEngine.compute(ex4).windows();
        Set<String> undisclosed = Set.of("P1", "P2", "Z1", "Z3");
        List<ContractRecord> publicOnly = ex4.contracts().stream()
                .map(r -> undisclosed.contains(r.contractId()) ? withRating(r, null) : r)
                .map(r -> new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(),
                        r.netEarningsCents(), r.paymentDates(), r.privateRecommend(), r.publicOverall(), null,
                        r.disputeOutcome(), r.clientFlagged(), r.perkRemovedFromJss()))
                .toList();
        var ranges = ConsistentAssignments.explain(new JssRequest(ex4.asOf(), ex4.params(), publicOnly), undisclosed,
                published, 1000);
        // 73 = 11/15: P1 (5 q) and P2 (6 q) must be successes, and one $0 contract NEGATIVE, Z1 or Z3: nobody can tell which.
        assertEquals(Outcome.SUCCESS, ranges.get(0).outcome());
        assertEquals(Outcome.SUCCESS, ranges.get(1).outcome());
        assertFalse(ranges.get(2).determined(), "Z1");
        assertEquals(Inclusion.EXCLUDED_NO_FEEDBACK, ranges.get(3).inclusion(), "Z2 has no feedback at all");
        assertFalse(ranges.get(4).determined(), "Z3");

        // A public 1★ on P2 makes it NEGATIVE whatever its client said privately.
        List<ContractRecord> oneStar = new ArrayList<>(publicOnly);
        ContractRecord p2 = oneStar.get(1);
        oneStar.set(1, new ContractRecord(p2.contractId(), p2.clientId(), p2.status(), p2.startedAt(), p2.endedAt(),
                p2.netEarningsCents(), p2.paymentDates(), null, new BigDecimal("1.00"), null, p2.disputeOutcome(), false, false));
        List<ContractRecord> real = new ArrayList<>(ex4.contracts());
        real.set(1, withRating(oneStar.get(1), 10));
        Map<Window, Integer> publishedOneStar = JssEngine.compute(new JssRequest(ex4.asOf(), ex4.params(), real)).windows();
        var withOneStar = ConsistentAssignments.explain(new JssRequest(ex4.asOf(), ex4.params(), oneStar), undisclosed,
                publishedOneStar, 1000);
        assertTrue(withOneStar.get(1).determined());
        assertEquals(Outcome.NEGATIVE, withOneStar.get(1).outcome());

        // With the published score at W24 100 nothing is NEGATIVE or NEUTRAL: every class is fixed.
        ContractRecord a = new ContractRecord("A", "c1", ContractStatus.ENDED, AS_OF.minusDays(60), AS_OF.minusDays(30),
                50_000L, List.of(AS_OF.minusDays(30)), null, null, null, null, false, false);
        ContractRecord b = new ContractRecord("B", "c2", ContractStatus.ENDED, AS_OF.minusDays(60), AS_OF.minusDays(20),
                50_000L, List.of(AS_OF.minusDays(20)), null, null, null, null, false, false);
        Map<Window, Integer> hundred = JssEngine.compute(new JssRequest(AS_OF, JssParams.defaults(),
                List.of(withRating(a, 10), withRating(b, 10)))).windows();
        var certain = ConsistentAssignments.explain(new JssRequest(AS_OF, JssParams.defaults(), List.of(a, b)),
                Set.of("A", "B"), hundred, 1000);
        assertTrue(certain.stream().allMatch(ConsistentAssignments.ContractRange::determined));
        assertEquals(Set.of(Satisfaction.POSITIVE), certain.get(0).privateClasses());
        assertTrue(certain.get(0).jssWithoutDetermined());
        assertEquals(null, certain.get(0).jssWithout(), "one contract alone makes no score");
    }

    @Test
    void aBusyFreelancersExplanationIsAnsweredAndAnUnboundedOneRefused() {
        Random random = new Random(11);
        List<ContractRecord> records = new ArrayList<>();
        Set<String> undisclosed = new HashSet<>();
        List<ContractRecord> real = new ArrayList<>();
        long[] amounts = {20_000, 50_000, 150_000};
        for (int i = 0; i < 60; i++) {
            LocalDate ended = AS_OF.minusDays(random.nextInt(720));
            ContractRecord r = new ContractRecord("K" + i, "c" + i, ContractStatus.ENDED, ended.minusDays(30), ended,
                    amounts[random.nextInt(3)], List.of(ended), null, random.nextInt(3) == 0 ? new BigDecimal("5.00") : null,
                    null, null, false, false);
            records.add(r);
            undisclosed.add(r.contractId());
            real.add(withRating(r, random.nextInt(10) < 8 ? 10 : random.nextInt(9)));
        }
        Map<Window, Integer> published = JssEngine.compute(new JssRequest(AS_OF, JssParams.defaults(), real)).windows();
        JssRequest request = new JssRequest(AS_OF, JssParams.defaults(), records);
        assertEquals(60, ConsistentAssignments.explain(request, undisclosed, published,
                ConsistentAssignments.DEFAULT_MAX_STATES).size());
        assertThrows(ConsistentAssignments.TooManyCombinationsException.class,
                () -> ConsistentAssignments.explain(request, undisclosed, published, 1000));
    }
}
