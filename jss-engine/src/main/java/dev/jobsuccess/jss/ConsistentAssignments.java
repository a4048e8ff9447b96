package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What someone who sees a freelancer's public facts and published window scores, but not their clients' private
 * feedback, can know (domain.md §d.2 rule 7). An <em>undisclosed</em> contract is one whose client's private feedback
 * counts in the score; its private class may be any of {@link #PRIVATE_CLASSES}. An assignment of private classes to the
 * undisclosed contracts is <em>consistent</em> when it gives the published window scores. Whatever is the same in every
 * consistent assignment is determined, and may be shown; anything else is a range.
 *
 * <p>A window's value depends only on sums of integer weights and small counts, so the consistent assignments are found
 * by a dynamic programme over those sums (one layer per undisclosed contract), not by enumerating 4<sup>n</sup>
 * assignments. Where even the sums are too many, {@link TooManyCombinationsException} refuses to answer rather than
 * answer from the real private classes.
 */
public final class ConsistentAssignments {

    /** The classes a client's private feedback can give, each made by the private rating in {@link #ratingFor}. */
    public static final List<Satisfaction> PRIVATE_CLASSES =
            List.of(Satisfaction.NONE, Satisfaction.POSITIVE, Satisfaction.NEUTRAL, Satisfaction.NEGATIVE);

    /** How many distinct sums the programme may hold in all before it refuses. */
    public static final int DEFAULT_MAX_STATES = 400_000;

    private static final int ROLLING = Windows.ROLLING.size();

    private ConsistentAssignments() {
    }

    /** The private rating (0–10, or none) that gives a private class: what an undisclosed record is tried with. */
    public static Integer ratingFor(Satisfaction privateClass) {
        return switch (privateClass) {
            case NONE -> null;
            case POSITIVE -> 10;
            case NEUTRAL -> 8;
            case NEGATIVE -> 0;
        };
    }

    /** The record with the private rating that gives {@code privateClass}, every other field as it is. */
    public static ContractRecord withPrivateClass(ContractRecord r, Satisfaction privateClass) {
        return new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(), r.netEarningsCents(),
                r.paymentDates(), ratingFor(privateClass), r.publicOverall(), r.endReasonCode(), r.disputeOutcome(),
                r.clientFlagged(), r.perkRemovedFromJss());
    }

    /** The answer would need more distinct sums than the bound allows. */
    public static final class TooManyCombinationsException extends RuntimeException {
        public TooManyCombinationsException(int undisclosed, int maxStates) {
            super(undisclosed + " contracts are decided by private feedback: too many combinations (over " + maxStates
                    + ") to tell what the published score leaves open");
        }
    }

    /**
     * One contract as the viewer may know it.
     *
     * @param privateClasses the private classes it has in some consistent assignment (one, the real one's, unless undisclosed)
     * @param determined whether its inclusion and outcome are the same in every consistent assignment
     * @param inclusion its inclusion when determined, else null
     * @param outcome its outcome when determined (null also when not counted)
     * @param jssWithoutDetermined whether the displayed score without it is the same in every consistent assignment (never
     *                             when its class is not determined)
     * @param jssWithout that score when determined (null also when there would be none)
     */
    public record ContractRange(String contractId, Set<Satisfaction> privateClasses, boolean determined, Inclusion inclusion,
                                Outcome outcome, boolean jssWithoutDetermined, Integer jssWithout) {}

    /**
     * One consistent future: the windows after the changes, and one assignment of private classes that gives them.
     *
     * @param windows W24, W12, W6, W3 and TRENDING after the changes, null where not computable
     * @param witness a private class for every undisclosed contract
     */
    public record Scenario(Map<Window, Integer> windows, Map<String, Satisfaction> witness) {}

    /**
     * Each contract of the request as the viewer may know it.
     *
     * @param request every record, those in {@code undisclosed} holding public facts only (no private rating, no client's
     *                end reason): each is tried with every private class
     * @param published the published W24, W12, W6 and W3 that every consistent assignment must give
     * @throws TooManyCombinationsException when the programme would exceed {@code maxStates} sums
     * @throws IllegalArgumentException when no assignment gives the published windows
     */
    public static List<ContractRange> explain(JssRequest request, Set<String> undisclosed, Map<Window, Integer> published,
                                              int maxStates) {
        JssEngine.validate(request);
        JssParams params = params(request);
        List<Slot> slots = new ArrayList<>();
        for (ContractRecord r : request.contracts()) {
            slots.add(Slot.of(r, undisclosed.contains(r.contractId()), request.asOf(), params));
        }
        Programme programme = Programme.run(slots, params, ROLLING, published, maxStates, undisclosed.size());
        List<ContractRange> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            List<Option> feasible = programme.feasible(i);
            Set<Satisfaction> classes = EnumSet.noneOf(Satisfaction.class);
            Set<Classification> shown = new LinkedHashSet<>();
            for (Option o : feasible) {
                if (o.privateClass != null) {
                    classes.add(o.privateClass);
                }
                shown.add(o.before);
            }
            boolean determined = shown.size() == 1;
            Classification only = determined ? shown.iterator().next() : null;
            Integer without = null;
            boolean withoutDetermined = false;
            if (determined) {
                Set<Integer> values = programme.displayedWithout(feasible.getFirst().contribution, published, params);
                withoutDetermined = values.size() == 1;
                without = withoutDetermined ? values.iterator().next() : null;
            }
            out.add(new ContractRange(slot.contractId, Collections.unmodifiableSet(classes), determined,
                    only == null ? null : only.inclusion, only == null ? null : only.outcome, withoutDetermined, without));
        }
        return out;
    }

    /**
     * The windows a change could lead to, over every consistent assignment, each with one assignment that leads there.
     *
     * @param before today's records, the undisclosed ones with public facts only
     * @param published the published W24, W12, W6 and W3 (of {@code before}'s date)
     * @param after the records with the changes, at the date asked about; a contract also in {@code undisclosedAfter}
     *              takes the same private class as in {@code before}, any other is as given
     * @param undisclosedAfter a subset of {@code undisclosed}: the contracts whose private feedback the change leaves as it is
     * @throws TooManyCombinationsException when the programme would exceed {@code maxStates} sums
     */
    public static List<Scenario> whatIf(JssRequest before, Set<String> undisclosed, Map<Window, Integer> published,
                                        JssRequest after, Set<String> undisclosedAfter, int maxStates) {
        JssEngine.validate(before);
        JssEngine.validate(after);
        JssParams params = params(before);
        Map<String, ContractRecord> afterById = new LinkedHashMap<>();
        after.contracts().forEach(r -> afterById.put(r.contractId(), r));
        List<Slot> slots = new ArrayList<>();
        for (ContractRecord r : before.contracts()) {
            ContractRecord a = afterById.remove(r.contractId());
            slots.add(Slot.of(r, undisclosed.contains(r.contractId()), before.asOf(), params)
                    .withAfter(a, after.asOf(), undisclosedAfter.contains(r.contractId()), params));
        }
        for (ContractRecord hypothetical : afterById.values()) {
            slots.add(Slot.hypothetical(hypothetical, after.asOf(), params));
        }
        Programme programme = Programme.run(slots, params, 2 * ROLLING, published, maxStates, undisclosed.size());
        Map<Map<Window, Integer>, Map<String, Satisfaction>> scenarios = new LinkedHashMap<>();
        for (State f : programme.consistentFinals()) {
            Map<Window, Integer> windows = f.windowValues(ROLLING, params);
            if (!scenarios.containsKey(windows)) {
                scenarios.put(windows, programme.witness(f));
            }
        }
        return scenarios.entrySet().stream().map(e -> new Scenario(e.getKey(), e.getValue())).toList();
    }

    private static JssParams params(JssRequest request) {
        return request.params() == null ? JssParams.defaults() : request.params().withDefaults();
    }

    /** What the viewer sees of one contract under one assignment: its inclusion and outcome. */
    private record Classification(Inclusion inclusion, Outcome outcome) {}

    /** What a contract adds to one window. */
    private record Entry(String clientId, Outcome outcome, int weightQ) {}

    /** One private class of a contract: its classification and what it adds to each tracked window. */
    private record Option(Satisfaction privateClass, Classification before, Entry[] contribution) {}

    /** A contract's place in the programme: its options, one unless undisclosed. */
    private record Slot(String contractId, List<Option> options) {

        /** How many of the before-windows W24, W12, W6, W3 (always the longest) some option adds to. */
        int depth() {
            int depth = 0;
            for (Option o : options) {
                for (int w = 0; w < ROLLING; w++) {
                    if (o.contribution[w] != null) {
                        depth = Math.max(depth, w + 1);
                    }
                }
            }
            return depth;
        }

        static Slot of(ContractRecord r, boolean undisclosed, LocalDate asOf, JssParams params) {
            List<Option> options = new ArrayList<>();
            for (Satisfaction p : undisclosed ? PRIVATE_CLASSES : List.<Satisfaction>of()) {
                ContractResult c = classify(withPrivateClass(r, p), asOf, params);
                options.add(new Option(p, new Classification(c.inclusion(), c.outcome()), entries(r, c, 0, ROLLING)));
            }
            if (!undisclosed) {
                ContractResult c = classify(r, asOf, params);
                options.add(new Option(null, new Classification(c.inclusion(), c.outcome()), entries(r, c, 0, ROLLING)));
            }
            return new Slot(r.contractId(), options);
        }

        /** The same slot also adding to the after-windows: with the same private class, or as given. */
        Slot withAfter(ContractRecord after, LocalDate afterDate, boolean sharesPrivateClass, JssParams params) {
            List<Option> out = new ArrayList<>();
            for (Option o : options) {
                Entry[] both = Arrays.copyOf(o.contribution, 2 * ROLLING);
                if (after != null) {
                    ContractRecord a = sharesPrivateClass && o.privateClass != null ? withPrivateClass(after, o.privateClass) : after;
                    Entry[] later = entries(a, classify(a, afterDate, params), 0, ROLLING);
                    System.arraycopy(later, 0, both, ROLLING, ROLLING);
                }
                out.add(new Option(o.privateClass, o.before, both));
            }
            return new Slot(contractId, out);
        }

        /** A contract only the change adds: nothing before, as given after. */
        static Slot hypothetical(ContractRecord r, LocalDate afterDate, JssParams params) {
            Entry[] both = new Entry[2 * ROLLING];
            System.arraycopy(entries(r, classify(r, afterDate, params), 0, ROLLING), 0, both, ROLLING, ROLLING);
            return new Slot(r.contractId(), List.of(new Option(null, null, both)));
        }

        private static ContractResult classify(ContractRecord r, LocalDate asOf, JssParams params) {
            return JssEngine.compute(new JssRequest(asOf, params, List.of(r))).contracts().getFirst();
        }

        private static Entry[] entries(ContractRecord r, ContractResult c, int from, int count) {
            Entry[] entries = new Entry[count];
            if (c.inclusion() == Inclusion.COUNTED) {
                for (Window w : c.windows()) {
                    entries[from + Windows.ROLLING.indexOf(w)] = new Entry(r.clientId(), c.outcome(), c.weightQ());
                }
            }
            return entries;
        }
    }

    /** The forward layers of reachable sums, and which of them can still end consistent. */
    private static final class Programme {

        /** How a state was first reached: from which state of the layer before, by which option. */
        private record Step(State from, int option) {}

        private final List<Slot> slots;
        private final int[] order;
        private final List<Map<State, Step>> layers = new ArrayList<>();
        private final List<Set<State>> alive = new ArrayList<>();
        /** Per before-window: the layer at which it was complete and pruned to its published value. */
        private final int[] completeAt = new int[ROLLING];
        /** Per position and before-window: the most weight the slots from that position on can still add to it. */
        private final long[][] remaining;

        private Programme(List<Slot> slots) {
            this.slots = slots;
            // The most recent contracts first (those in W3, then those whose shortest window is W6, ...), so that each
            // window is complete, pruned to its published value and dropped from the state before the longer ones grow.
            // Within a group, those with one option first: they only move the single starting state.
            this.order = java.util.stream.IntStream.range(0, slots.size()).boxed()
                    .sorted(java.util.Comparator.comparingInt((Integer i) -> -slots.get(i).depth())
                            .thenComparingInt(i -> slots.get(i).options.size()))
                    .mapToInt(Integer::intValue).toArray();
            this.remaining = new long[order.length + 1][ROLLING];
            for (int at = order.length - 1; at >= 0; at--) {
                for (int w = 0; w < ROLLING; w++) {
                    int most = 0;
                    for (Option o : slots.get(order[at]).options) {
                        if (o.contribution[w] != null) {
                            most = Math.max(most, o.contribution[w].weightQ());
                        }
                    }
                    remaining[at][w] = remaining[at + 1][w] + most;
                }
            }
        }

        /**
         * Keeps the states from which the windows still open can reach their published values: whatever the remaining
         * contracts add, a window's ratio stays between what it has with all of them counted as failures and with all
         * of them as successes (or none of them). A bound, so it never drops a state that can end consistent; it keeps
         * the sums of a busy freelancer's long windows from growing with every combination on the way.
         */
        private void pruneByBounds(Map<State, Step> layer, int position, Map<Window, Integer> published, JssParams params) {
            if (params.formula() != Formula.SUCCESS_RATIO) {
                return;
            }
            for (int w = 0; w < openAt(position); w++) {
                Integer wanted = published.get(Windows.ROLLING.get(w));
                if (wanted == null) {
                    continue;
                }
                int window = w;
                long more = remaining[position][w];
                layer.keySet().removeIf(state -> !state.mayReach(window, wanted, more));
            }
        }

        /** The before-windows still open when the slot at {@code position} is added: W24 … up to its depth. */
        private int openAt(int position) {
            return position < order.length ? slots.get(order[position]).depth() : 0;
        }

        /** The state after adding an option of the slot at {@code position}, complete windows dropped. */
        private State step(State s, int position, Option o) {
            return s.keepOnly(openAt(position)).plus(o.contribution);
        }

        /** Keeps the states of layer {@code layer} whose windows completed by now hold their published values. */
        private void prune(Map<State, Step> layer, int layerIndex, int openBefore, int openAfter,
                           Map<Window, Integer> published) {
            for (int w = openAfter; w < openBefore; w++) {
                int window = w;
                Integer wanted = published.get(Windows.ROLLING.get(window));
                layer.keySet().removeIf(state -> !Objects.equals(state.value(window, null), wanted));
                completeAt[window] = layerIndex;
            }
        }

        static Programme run(List<Slot> slots, JssParams params, int windows, Map<Window, Integer> published, int maxStates,
                             int undisclosed) {
            Programme p = new Programme(slots);
            Map<State, Step> first = new HashMap<>();
            first.put(State.empty(windows, params), null);
            p.prune(first, 0, ROLLING, p.openAt(0), published);
            p.pruneByBounds(first, 0, published, params);
            p.layers.add(first);
            int total = 1;
            for (int at = 0; at < p.order.length; at++) {
                Map<State, Step> next = new HashMap<>();
                List<Option> options = slots.get(p.order[at]).options;
                for (State s : p.layers.getLast().keySet()) {
                    for (int o = 0; o < options.size(); o++) {
                        next.putIfAbsent(p.step(s, at, options.get(o)), new Step(s, o));
                    }
                }
                p.prune(next, at + 1, p.openAt(at), p.openAt(at + 1), published);
                p.pruneByBounds(next, at + 1, published, params);
                total += next.size();
                if (total > maxStates) {
                    throw new TooManyCombinationsException(undisclosed, maxStates);
                }
                p.layers.add(next);
            }
            Set<State> consistent = new HashSet<>(p.layers.getLast().keySet());
            if (consistent.isEmpty()) {
                throw new IllegalArgumentException("no assignment of private classes gives the published windows " + published);
            }
            // Backwards: a state is alive when some option leads from it to an alive state of the next layer.
            List<Set<State>> backwards = new ArrayList<>();
            backwards.add(consistent);
            for (int at = p.order.length - 1; at >= 0; at--) {
                Set<State> nextAlive = backwards.getLast();
                Set<State> here = new HashSet<>();
                for (State s : p.layers.get(at).keySet()) {
                    for (Option o : slots.get(p.order[at]).options) {
                        if (nextAlive.contains(p.step(s, at, o))) {
                            here.add(s);
                            break;
                        }
                    }
                }
                backwards.add(here);
            }
            Collections.reverse(backwards);
            p.alive.addAll(backwards);
            return p;
        }

        Set<State> consistentFinals() {
            return alive.getLast();
        }

        /** The options of slot {@code index} that some consistent assignment takes. */
        List<Option> feasible(int index) {
            int at = 0;
            while (order[at] != index) {
                at++;
            }
            List<Option> out = new ArrayList<>();
            for (Option o : slots.get(index).options) {
                for (State s : alive.get(at)) {
                    if (alive.get(at + 1).contains(step(s, at, o))) {
                        out.add(o);
                        break;
                    }
                }
            }
            return out;
        }

        /**
         * The displayed scores without one contract's contribution. Each window it lies in takes every value it has
         * without it over the consistent assignments; the others keep their published values. Combining the windows
         * independently may add combinations no single assignment gives: the set is exact when it holds one value.
         */
        Set<Integer> displayedWithout(Entry[] contribution, Map<Window, Integer> published, JssParams params) {
            List<Map<Window, Integer>> combinations = new ArrayList<>();
            Map<Window, Integer> start = new EnumMap<>(Window.class);
            Windows.ROLLING.forEach(w -> start.put(w, published.get(w)));
            combinations.add(start);
            for (int w = 0; w < ROLLING; w++) {
                if (contribution[w] == null) {
                    continue;
                }
                Set<Integer> values = new HashSet<>();
                for (State s : alive.get(completeAt[w])) {
                    values.add(s.value(w, contribution[w]));
                }
                List<Map<Window, Integer>> next = new ArrayList<>();
                for (Map<Window, Integer> partial : combinations) {
                    for (Integer v : values) {
                        Map<Window, Integer> m = new EnumMap<>(partial);
                        m.put(Windows.ROLLING.get(w), v);
                        next.add(m);
                    }
                }
                combinations = next;
            }
            Set<Integer> displayed = new HashSet<>();
            for (Map<Window, Integer> windows : combinations) {
                windows.put(Window.TRENDING, Scoring.trending(windows.get(Window.W3), windows.get(Window.W6), params.rounding()));
                displayed.add(displayed(windows));
            }
            return displayed;
        }

        /** One assignment that reaches {@code last}: the first way each state on its path was reached. */
        Map<String, Satisfaction> witness(State last) {
            Map<String, Satisfaction> classes = new HashMap<>();
            State s = last;
            for (int layer = order.length; layer > 0; layer--) {
                Step step = layers.get(layer).get(s);
                Slot slot = slots.get(order[layer - 1]);
                Option o = slot.options.get(step.option());
                if (o.privateClass != null) {
                    classes.put(slot.contractId, o.privateClass);
                }
                s = step.from();
            }
            return classes;
        }
    }

    /**
     * Per tracked window: success, negative and total weight, the counted contracts (capped: beyond the minimum plus one
     * the exact number no longer matters, even with one contract left out) and the distinct clients (exact up to the
     * minimum, each client's contracts capped at 2, then "more than the minimum").
     */
    private static final class State {
        private final long[] success;
        private final long[] negative;
        private final long[] total;
        private final int[] contracts;
        /** Per window: client → contracts (1, or 2 for "2 or more"), or null for more distinct clients than the minimum. */
        private final Map<String, Integer>[] clients;
        private final JssParams params;
        private final int hash;

        @SuppressWarnings("unchecked")
        private State(long[] success, long[] negative, long[] total, int[] contracts, Map<String, Integer>[] clients,
                      JssParams params) {
            this.success = success;
            this.negative = negative;
            this.total = total;
            this.contracts = contracts;
            this.clients = clients;
            this.params = params;
            this.hash = Objects.hash(Arrays.hashCode(success), Arrays.hashCode(negative), Arrays.hashCode(total),
                    Arrays.hashCode(contracts), Arrays.hashCode(clients));
        }

        @SuppressWarnings("unchecked")
        static State empty(int windows, JssParams params) {
            Map<String, Integer>[] clients = new Map[windows];
            Arrays.fill(clients, Map.of());
            return new State(new long[windows], new long[windows], new long[windows], new int[windows], clients, params);
        }

        State plus(Entry[] contribution) {
            long[] s = success.clone();
            long[] n = negative.clone();
            long[] t = total.clone();
            int[] c = contracts.clone();
            Map<String, Integer>[] k = clients.clone();
            boolean changed = false;
            for (int w = 0; w < contribution.length && w < t.length; w++) {
                Entry e = contribution[w];
                if (e == null) {
                    continue;
                }
                changed = true;
                t[w] += e.weightQ();
                if (e.outcome() == Outcome.SUCCESS) {
                    s[w] += e.weightQ();
                } else if (e.outcome() == Outcome.NEGATIVE && params.formula() == Formula.NET) {
                    // Under SUCCESS_RATIO a negative and a neutral outcome weigh alike: one sum fewer to tell apart.
                    n[w] += e.weightQ();
                }
                c[w] = Math.min(c[w] + 1, params.minCountedContracts() + 1);
                if (k[w] != null) {
                    Map<String, Integer> m = new HashMap<>(k[w]);
                    m.merge(e.clientId(), 1, (a, b) -> Math.min(a + b, 2));
                    k[w] = m.size() > params.minDistinctClients() ? null : Map.copyOf(m);
                }
            }
            return changed ? new State(s, n, t, c, k, params) : this;
        }

        /** W24 … W3 and TRENDING of the windows from {@code from} (0: before, 4: after). */
        Map<Window, Integer> windowValues(int from, JssParams params) {
            Map<Window, Integer> values = new EnumMap<>(Window.class);
            for (int w = 0; w < ROLLING; w++) {
                values.put(Windows.ROLLING.get(w), value(from + w, null));
            }
            values.put(Window.TRENDING, Scoring.trending(values.get(Window.W3), values.get(Window.W6), params.rounding()));
            return values;
        }

        /** This state with the before-windows from {@code open} on (complete ones) emptied: they no longer matter. */
        State keepOnly(int open) {
            boolean any = false;
            for (int w = open; w < ROLLING; w++) {
                any |= total[w] != 0 || contracts[w] != 0 || !Map.of().equals(clients[w]);
            }
            if (!any) {
                return this;
            }
            long[] s = success.clone();
            long[] n = negative.clone();
            long[] t = total.clone();
            int[] c = contracts.clone();
            Map<String, Integer>[] k = clients.clone();
            for (int w = open; w < ROLLING; w++) {
                s[w] = 0;
                n[w] = 0;
                t[w] = 0;
                c[w] = 0;
                k[w] = Map.of();
            }
            return new State(s, n, t, c, k, params);
        }

        /**
         * Whether window {@code w} can still end at {@code wanted} when at most {@code more} weight is added to it, each
         * addition a success, a non-success, or nothing (SUCCESS_RATIO: the value only grows with the ratio).
         */
        boolean mayReach(int w, int wanted, long more) {
            long s = success[w];
            long t = total[w];
            if (t + more == 0) {
                return false;
            }
            int lowest = Scoring.percent(s, t + more, params.rounding());
            int highest = Math.max(t > 0 ? Scoring.percent(s, t, params.rounding()) : 0,
                    Scoring.percent(s + more, t + more, params.rounding()));
            if (t > 0) {
                lowest = Math.min(lowest, Scoring.percent(s, t, params.rounding()));
            }
            return lowest <= wanted && wanted <= highest;
        }

        Integer value(int w, Entry without) {
            long s = success[w];
            long n = negative[w];
            long t = total[w];
            int c = contracts[w];
            Map<String, Integer> k = clients[w];
            int distinct = k == null ? params.minDistinctClients() + 1 : k.size();
            if (without != null) {
                t -= without.weightQ();
                if (without.outcome() == Outcome.SUCCESS) {
                    s -= without.weightQ();
                } else if (without.outcome() == Outcome.NEGATIVE && params.formula() == Formula.NET) {
                    n -= without.weightQ();
                }
                c -= 1; // a capped count stays at least the minimum
                if (k == null || Integer.valueOf(1).equals(k.get(without.clientId()))) {
                    distinct -= 1; // with more than the minimum before (k null), at least the minimum after
                }
            }
            if (t <= 0) {
                return null;
            }
            return Scoring.value(s, n, t, c, distinct, params);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State other && hash == other.hash && Arrays.equals(success, other.success)
                    && Arrays.equals(negative, other.negative) && Arrays.equals(total, other.total)
                    && Arrays.equals(contracts, other.contracts) && Arrays.equals(clients, other.clients);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The displayed score of window values: the best of W24, W12, W6 and TRENDING, ties to the longer. */
    private static Integer displayed(Map<Window, Integer> windows) {
        Window selected = Scoring.select(windows);
        return selected == null ? null : windows.get(selected);
    }
}
