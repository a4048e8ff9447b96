package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Job Success Score as a pure function of a freelancer's contracts at a date (domain.md §d.3).
 * The scheduled recompute, the daily snapshot and the what-if simulator all call this, so they
 * cannot disagree.
 */
public final class JssEngine {

    private JssEngine() {
    }

    /**
     * The score, every window's value and each contract's treatment.
     *
     * @throws InvalidJssInputException when the request breaks a rule of jss-engine-api.md "Request"
     */
    public static JssResult compute(JssRequest request) {
        validate(request);
        Assessment assessment = assess(request);
        Map<Window, Integer> windows = Scoring.windowValues(assessment.counted(), request.asOf(), assessment.params());
        Window selected = Scoring.select(windows);
        Integer jss = selected == null ? null : windows.get(selected);
        return new JssResult(jss, selected, Band.of(jss), windows, assessment.results());
    }

    /**
     * Each contract's inclusion, in request order: what {@link #compute} reports as its {@link ContractResult#inclusion()},
     * without weighing the windows. A contract's classification never depends on the others or on the params, so this
     * is cheap enough to ask of one contract under each private class it may have.
     *
     * @throws InvalidJssInputException when the request breaks a rule of jss-engine-api.md "Request"
     */
    public static List<Inclusion> inclusions(JssRequest request) {
        validate(request);
        return request.contracts().stream().map(c -> Classifier.classify(c, request.asOf()).inclusion()).toList();
    }

    /** @throws InvalidJssInputException naming the first offending field */
    public static void validate(JssRequest request) {
        Validator.validate(request);
    }

    /**
     * For explanations: for each contract, the displayed score if that one contract were left out
     * (same asOf and params). The map keeps the request's order; a null value means there would be
     * no score without that contract.
     *
     * @throws InvalidJssInputException when the request breaks a rule of jss-engine-api.md "Request"
     */
    public static Map<String, Integer> jssWithout(JssRequest request) {
        validate(request);
        // A contract's classification and weight never depend on the others, so one assessment
        // serves every leave-one-out score; only the windows are recomputed.
        Assessment assessment = assess(request);
        Map<String, Integer> without = new LinkedHashMap<>();
        for (int left = 0; left < assessment.results().size(); left++) {
            List<Scoring.Entry> others = new ArrayList<>();
            for (int i = 0; i < assessment.entries().size(); i++) {
                if (i != left && assessment.entries().get(i) != null) {
                    others.add(assessment.entries().get(i));
                }
            }
            String contractId = assessment.results().get(left).contractId();
            without.put(contractId, displayed(others, request.asOf(), assessment.params()));
        }
        return Collections.unmodifiableMap(without);
    }

    private static Integer displayed(List<Scoring.Entry> counted, LocalDate asOf, JssParams params) {
        Map<Window, Integer> windows = Scoring.windowValues(counted, asOf, params);
        Window selected = Scoring.select(windows);
        return selected == null ? null : windows.get(selected);
    }

    /**
     * @param results one per request contract, in request order
     * @param entries per request contract, what it brings to the windows, or null when it is not counted
     */
    private record Assessment(JssParams params, List<ContractResult> results, List<Scoring.Entry> entries) {

        List<Scoring.Entry> counted() {
            return entries.stream().filter(Objects::nonNull).toList();
        }
    }

    private static Assessment assess(JssRequest request) {
        JssParams params = request.params() == null ? JssParams.defaults() : request.params().withDefaults();
        LocalDate asOf = request.asOf();
        WeightStrategy weights = Weights.of(params);
        List<ContractResult> results = new ArrayList<>();
        List<Scoring.Entry> entries = new ArrayList<>();
        for (ContractRecord contract : request.contracts()) {
            Classifier.Classification c = Classifier.classify(contract, asOf);
            Integer weightQ = null;
            List<Window> windows = List.of();
            Scoring.Entry entry = null;
            if (c.inclusion() == Inclusion.COUNTED) {
                weightQ = weights.weightQ(contract, asOf);
                windows = Windows.containing(c.outcomeDate(), asOf);
                entry = new Scoring.Entry(contract.clientId(), c.outcome(), weightQ, c.outcomeDate());
            }
            entries.add(entry);
            results.add(new ContractResult(contract.contractId(), c.inclusion(), c.outcome(), weightQ,
                    c.satisfaction(), c.longTermEligible(), c.outcomeDate(), windows));
        }
        return new Assessment(params, results, entries);
    }
}
