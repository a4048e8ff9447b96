package dev.jobsuccess.score.whatif;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.InvalidJssInputException;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.Satisfaction;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.facts.ContractTypes;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.messaging.ScoreEvents;
import dev.jobsuccess.score.scoring.PrivateFeedbackRanges;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreRow;
import dev.jobsuccess.score.scoring.ScoreRows;
import dev.jobsuccess.score.scoring.Visibility;

/**
 * The what-if simulator: the freelancer's real facts plus hypothetical changes, through the same engine as
 * the published score. Reads only: it never stores, locks or announces anything.
 */
@ApplicationScoped
public class WhatIfService {

    private final FactLoader loader;
    private final ScoreRows scoreRows;
    private final ScoreModel model;
    private final PrivateFeedbackRanges ranges;
    private final ContractTypes contractTypes;
    private final Clock clock;

    WhatIfService(FactLoader loader, ScoreRows scoreRows, ScoreModel model, PrivateFeedbackRanges ranges,
                  ContractTypes contractTypes, Clock clock) {
        this.loader = loader;
        this.contractTypes = contractTypes;
        this.scoreRows = scoreRows;
        this.model = model;
        this.ranges = ranges;
        this.clock = clock;
    }

    /**
     * Before: the freelancer's facts today, with the badges they hold. After: the same facts with the changes,
     * at the question's date, with the badges a snapshot would give then (Sundays up to that date projected
     * from the changed facts).
     *
     * @throws ProblemException 400 naming the offending field
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WhatIf.Answer answer(String freelancerId, WhatIf.Question question, boolean platform) {
        LocalDate today = model.effectiveDate(FactLoader.utcDate(clock.instant()));
        LocalDate asOf = question.asOf() == null ? today : question.asOf();
        if (asOf.isBefore(today)) {
            throw ProblemException.badRequest("asOf", "must not be before today (" + today + "): the past is not hypothetical");
        }
        // The facts and the engine hold any date, but nobody plans decades ahead: the bound keeps the question meaningful.
        LocalDate latest = today.plusDays(model.config().limits().whatIfDaysAhead());
        if (asOf.isAfter(latest)) {
            throw ProblemException.badRequest("asOf", "must not be after " + latest + " ("
                    + model.config().limits().whatIfDaysAhead() + " days from today)");
        }
        Visibility visibility = question.includeUnrevealedFeedback() ? Visibility.ALL : Visibility.PUBLISHED;
        FreelancerFacts facts = loader.load(List.of(freelancerId), asOf).get(freelancerId);
        List<ContractRecord> beforeRecords = model.records(facts, visibility);
        JssResult before = model.compute(beforeRecords, today);
        ScoreRow stored = scoreRows.read(freelancerId).orElse(null);
        List<Badge> held = stored == null ? List.of() : stored.badges();

        // PLATFORM sees the real private classes; the freelancer only the public facts, each undisclosed contract then
        // taking every private class the published windows allow.
        Set<String> undisclosed = new LinkedHashSet<>();
        if (!platform) {
            facts.contracts().stream().filter(model::privatelyDecided).forEach(c -> undisclosed.add(c.contractId()));
        }
        List<ContractRecord> known = platform ? beforeRecords : facts.contracts().stream().map(model::publicRecord).toList();
        List<ContractRecord> afterKnown = new ArrayList<>(known);
        Set<String> hypothetical = new HashSet<>();
        Set<String> undisclosedAfter = new LinkedHashSet<>(undisclosed);
        Changing changing = new Changing(today, asOf, contractTypes.of(freelancerId), new HashMap<>());
        for (int i = 0; i < question.changes().size(); i++) {
            apply(question.changes().get(i), "changes[" + i + "]", afterKnown, hypothetical, undisclosedAfter, changing);
        }
        List<ConsistentAssignments.Scenario> scenarios = undisclosed.isEmpty()
                ? List.of(new ConsistentAssignments.Scenario(Map.of(), Map.of()))
                : ranges.whatIf(known, today, undisclosed, before.windows(), afterKnown, asOf, undisclosedAfter);

        List<PossibleResult> outcomes = new ArrayList<>();
        for (ConsistentAssignments.Scenario scenario : scenarios) {
            List<ContractRecord> afterRecords = afterKnown.stream().map(r -> scenario.witness().containsKey(r.contractId())
                    && undisclosedAfter.contains(r.contractId())
                    ? ConsistentAssignments.withPrivateClass(r, scenario.witness().get(r.contractId())) : r).toList();
            JssResult after = compute(afterRecords, asOf);
            List<Badge> badges = model.badges(facts, afterRecords, after, asOf, sunday -> {
                Integer recorded = facts.weeklyScores().get(sunday);
                if (recorded != null || sunday.isBefore(today)) {
                    return recorded;
                }
                return sunday.equals(asOf) ? after.jss() : compute(afterRecords, sunday).jss();
            }).badges().stream().sorted().toList();
            outcomes.add(new PossibleResult(after, badges));
        }
        outcomes.sort(Comparator.comparing((PossibleResult o) -> o.result.jss(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(o -> String.valueOf(o.result.windows())).thenComparing(o -> o.badges.toString()));
        List<WhatIf.State> possible = outcomes.stream().map(o -> state(asOf, o.result, o.badges)).distinct().toList();
        boolean determined = possible.size() == 1;
        JssResult first = outcomes.getFirst().result;

        // An undisclosed contract's class after the change is shown where every private class the published windows
        // allow it gives the same one (e.g. a public 1★ fixes NEGATIVE whatever was said privately).
        Map<String, Set<Satisfaction>> feasible = new HashMap<>();
        if (!undisclosed.isEmpty()) {
            List<ConsistentAssignments.ContractRange> known0 = ranges.explain(known, undisclosed, before.windows(), today);
            known0.forEach(r -> feasible.put(r.contractId(), r.privateClasses()));
        }
        List<WhatIf.ContractAfter> contracts = new ArrayList<>();
        for (int i = 0; i < afterKnown.size(); i++) {
            String id = afterKnown.get(i).contractId();
            Shown after = undisclosedAfter.contains(id)
                    ? shown(afterKnown.get(i), feasible.get(id), asOf)
                    : Shown.of(first.contracts().get(i));
            Shown was = i >= known.size() ? null
                    : undisclosed.contains(id) ? shown(known.get(i), feasible.get(id), today) : Shown.of(before.contracts().get(i));
            if (after == null) {
                contracts.add(new WhatIf.ContractAfter(id, false, true, null, null, null, null, false));
                continue;
            }
            contracts.add(new WhatIf.ContractAfter(id, hypothetical.contains(id), false, after.inclusion(), after.outcome(),
                    after.weightQ(), ScoreEvents.weightJobs(after.weightQ(), model.params()), !after.equals(was)));
        }
        Map<String, Integer> difference = new LinkedHashMap<>();
        difference.put("jss", determined ? minus(first.jss(), before.jss()) : null);
        for (Window window : Window.values()) {
            difference.put(window.name(), determined ? minus(first.windows().get(window), before.windows().get(window)) : null);
        }
        Set<Badge> gained = EnumSet.allOf(Badge.class);
        Set<Badge> lost = EnumSet.allOf(Badge.class);
        Set<Badge> uncertain = EnumSet.noneOf(Badge.class);
        for (PossibleResult o : outcomes) {
            gained.retainAll(o.badges.stream().filter(b -> !held.contains(b)).toList());
            lost.retainAll(held.stream().filter(b -> !o.badges.contains(b)).toList());
            o.badges.stream().filter(b -> !held.contains(b)).forEach(uncertain::add);
            held.stream().filter(b -> !o.badges.contains(b)).forEach(uncertain::add);
        }
        uncertain.removeAll(gained);
        uncertain.removeAll(lost);
        List<Integer> scores = possible.stream().map(WhatIf.State::jss).toList();
        Integer min = scores.stream().filter(Objects::nonNull).min(Integer::compare).orElse(null);
        Integer max = scores.stream().filter(Objects::nonNull).max(Integer::compare).orElse(null);
        WhatIf.JssRange range = new WhatIf.JssRange(min, max, scores.contains(null));
        return new WhatIf.Answer(freelancerId, model.label(), state(today, before, held), determined, determined ? possible.getFirst() : null,
                possible, range, summary(determined, range), difference, List.copyOf(gained), List.copyOf(lost),
                List.copyOf(uncertain), contracts);
    }

    /** What the freelancer is shown of one contract. */
    private record Shown(Inclusion inclusion, dev.jobsuccess.jss.Outcome outcome, Integer weightQ) {
        static Shown of(ContractResult r) {
            return new Shown(r.inclusion(), r.outcome(), r.weightQ());
        }
    }

    /** The contract as shown, when every private class it may have gives the same; null when they differ. */
    private Shown shown(ContractRecord publicRecord, Set<Satisfaction> privateClasses, LocalDate asOf) {
        Set<Shown> seen = new HashSet<>();
        for (Satisfaction p : privateClasses) {
            seen.add(Shown.of(compute(List.of(ConsistentAssignments.withPrivateClass(publicRecord, p)), asOf).contracts().getFirst()));
        }
        return seen.size() == 1 ? seen.iterator().next() : null;
    }

    /** One possible result of a what-if. */
    private record PossibleResult(JssResult result, List<Badge> badges) {}

    private static String summary(boolean determined, WhatIf.JssRange range) {
        String score = range.min() == null ? "no score" : range.min().equals(range.max()) ? String.valueOf(range.min())
                : "between " + range.min() + " and " + range.max();
        if (determined) {
            return "The score would be " + score + ".";
        }
        return "The score would be " + score + (range.noScorePossible() && range.min() != null ? ", or no score" : "")
                + ": it depends on your clients' private feedback, which you can't see.";
    }

    /**
     * What the changes of one question share as they apply in order.
     *
     * @param types each contract's type (HOURLY or FIXED_PRICE) by id, from its contract-started
     * @param disputableEscrowCents escrow a client kept when ending in an earlier change: the freelancer may dispute it
     */
    private record Changing(LocalDate today, LocalDate asOf, Map<String, String> types, Map<String, Long> disputableEscrowCents) {}

    /**
     * The largest amount a what-if takes, in cents ($10 billion): far above any contract, far below overflowing a sum
     * of a few thousand of them.
     */
    static final long MAX_CENTS = 1_000_000_000_000L;

    /** The end reasons each party may choose (domain.md §d.1.1); the system's are not a party's choice. */
    private static final Set<EndReason> CLIENT_REASONS = EnumSet.of(EndReason.JOB_COMPLETED_SUCCESSFULLY,
            EndReason.JOB_COMPLETED_UNSUCCESSFULLY, EndReason.FREELANCER_UNRESPONSIVE, EndReason.FREELANCER_LACKED_SKILLS,
            EndReason.NO_LONGER_NEEDED, EndReason.HIRED_SOMEONE_ELSE, EndReason.OTHER);
    private static final Set<EndReason> FREELANCER_REASONS = EnumSet.of(EndReason.JOB_COMPLETED_SUCCESSFULLY,
            EndReason.CLIENT_NOT_RESPONSIVE, EndReason.OTHER);

    /** @param undisclosed loses a contract whose client's private feedback the change sets: it is then known */
    private void apply(WhatIf.Change change, String field, List<ContractRecord> records, Set<String> hypothetical,
                       Set<String> undisclosed, Changing changing) {
        switch (change) {
            case WhatIf.Refund refund -> {
                int i = indexOf(records, refund.contractId(), field);
                ContractRecord r = records.get(i);
                if (refund.netEarningsCents() < 0) {
                    throw ProblemException.badRequest(field + ".netEarningsCents", "must not be negative");
                }
                if (refund.netEarningsCents() > r.netEarningsCents()) {
                    throw ProblemException.badRequest(field + ".netEarningsCents", "a refund cannot raise the contract's net "
                            + "earnings (" + r.netEarningsCents() + " cents)");
                }
                records.set(i, with(r, refund.netEarningsCents(), r.privateRecommend(), r.publicOverall()));
            }
            case WhatIf.PrivateRating rating -> {
                int i = indexOf(records, rating.contractId(), field);
                ContractRecord r = records.get(i);
                records.set(i, with(r, r.netEarningsCents(), rating.privateRecommend(), r.publicOverall()));
                validate(records.get(i), field, "privateRecommend");
                undisclosed.remove(rating.contractId());
            }
            case WhatIf.PublicRating rating -> {
                int i = indexOf(records, rating.contractId(), field);
                ContractRecord r = records.get(i);
                records.set(i, with(r, r.netEarningsCents(), r.privateRecommend(), rating.publicOverall()));
                validate(records.get(i), field, "publicOverall");
            }
            case WhatIf.NewContract added -> {
                ContractRecord c = added.contract();
                if (c == null) {
                    throw ProblemException.badRequest(field + ".contract", "is required");
                }
                validate(c, field + ".contract", null);
                if (records.stream().anyMatch(r -> r.contractId().equals(c.contractId()))) {
                    throw ProblemException.badRequest(field + ".contract.contractId", "is already one of the freelancer's contracts");
                }
                records.add(c);
                hypothetical.add(c.contractId());
            }
            case WhatIf.EndContract end -> endContract(end, field, records, undisclosed, changing);
            case WhatIf.SettleDispute settle -> settleDispute(settle, field, records, changing);
        }
    }

    /**
     * Ends an open contract as contract-service would (domain.md §b.5, §d.1.1–§d.1.2, §d.2 rule 2): the money released
     * at the end is added to its net earnings, dated the end; a freelancer's end reason is never a score input, a
     * client's is. Escrow not released goes back to the client; when the client ended, the freelancer may dispute that
     * (a later DISPUTE_OUTCOME).
     */
    private void endContract(WhatIf.EndContract end, String field, List<ContractRecord> records, Set<String> undisclosed,
                             Changing changing) {
        int i = indexOf(records, end.contractId(), field);
        ContractRecord r = records.get(i);
        if (r.status() == ContractStatus.ENDED) {
            throw ProblemException.badRequest(field + ".contractId", "is not open: it ended on " + r.endedAt());
        }
        if (end.endedBy() == null) {
            throw ProblemException.badRequest(field + ".endedBy", "is required (CLIENT or FREELANCER)");
        }
        if (end.endedBy() == EndedBy.SYSTEM) {
            throw ProblemException.badRequest(field + ".endedBy", "must be CLIENT or FREELANCER: the system's ends are not a choice");
        }
        if (end.endReason() == null) {
            throw ProblemException.badRequest(field + ".endReason", "is required");
        }
        Set<EndReason> allowed = end.endedBy() == EndedBy.CLIENT ? CLIENT_REASONS : FREELANCER_REASONS;
        if (!allowed.contains(end.endReason())) {
            throw ProblemException.badRequest(field + ".endReason", "a " + end.endedBy().name().toLowerCase()
                    + " may end with " + allowed + " only");
        }
        LocalDate endedAt = end.endedAt() == null ? changing.asOf() : end.endedAt();
        if (endedAt.isBefore(changing.today())) {
            throw ProblemException.badRequest(field + ".endedAt", "must not be before today (" + changing.today()
                    + "): the past is not hypothetical");
        }
        if (endedAt.isAfter(changing.asOf())) {
            throw ProblemException.badRequest(field + ".endedAt", "must not be after asOf (" + changing.asOf()
                    + "), the date the score is looked at");
        }
        if (endedAt.isBefore(r.startedAt())) {
            throw ProblemException.badRequest(field + ".endedAt", "must not be before the contract started (" + r.startedAt() + ")");
        }
        // Hourly contracts are billed weekly and hold no escrow (§b.6, seed D10); a contract without a contract-started
        // (or a hypothetical one) is taken as fixed-price, whose rules are the stricter.
        boolean hourly = "HOURLY".equals(changing.types().get(r.contractId()));
        long escrow = cents(end.escrowCents(), field + ".escrowCents", 0);
        if (hourly && escrow > 0) {
            throw ProblemException.badRequest(field + ".escrowCents", "an hourly contract holds no escrow: it is billed weekly");
        }
        if (end.payment() == null) {
            throw ProblemException.badRequest(field + ".payment", "is required (NONE, PART or FULL)");
        }
        long paid = switch (end.payment()) {
            case NONE -> {
                if (end.paymentCents() != null && end.paymentCents() != 0) {
                    throw ProblemException.badRequest(field + ".paymentCents", "must be omitted (or 0) when nothing is paid");
                }
                yield 0;
            }
            case PART -> {
                if (end.paymentCents() == null) {
                    throw ProblemException.badRequest(field + ".paymentCents", "is required for a PART payment");
                }
                long part = cents(end.paymentCents(), field + ".paymentCents", 1);
                if (!hourly && part >= escrow) {
                    throw ProblemException.badRequest(field + ".paymentCents", "a part of the escrow (" + escrow
                            + " cents, escrowCents) must be less than all of it: all of it is FULL");
                }
                yield part;
            }
            case FULL -> {
                if (hourly) {
                    throw ProblemException.badRequest(field + ".payment", "an hourly contract holds no escrow to release "
                            + "in full: its last invoice is a PART payment");
                }
                if (escrow == 0) {
                    throw ProblemException.badRequest(field + ".escrowCents", "is required for a FULL payment: the escrow "
                            + "balance released");
                }
                if (end.paymentCents() != null && end.paymentCents() != escrow) {
                    throw ProblemException.badRequest(field + ".paymentCents", "a FULL payment is the whole escrow ("
                            + escrow + " cents): omit paymentCents or give that");
                }
                yield escrow;
            }
        };
        if (end.endedBy() == EndedBy.FREELANCER && !hourly && paid > 0) {
            throw ProblemException.badRequest(field + ".payment", "a freelancer who ends a fixed-price contract sends the "
                    + "escrow back to the client: nothing more is released (payment NONE)");
        }
        boolean feedbackGiven = end.privateRecommend() != null || end.publicOverall() != null;
        ContractRecord ended = new ContractRecord(r.contractId(), r.clientId(), ContractStatus.ENDED, r.startedAt(), endedAt,
                r.netEarningsCents() + paid, paid > 0 ? withDate(r.paymentDates(), endedAt) : r.paymentDates(),
                feedbackGiven ? end.privateRecommend() : r.privateRecommend(),
                feedbackGiven ? end.publicOverall() : r.publicOverall(),
                end.endedBy() == EndedBy.CLIENT ? end.endReason() : null, r.disputeOutcome(), r.clientFlagged(),
                r.perkRemovedFromJss());
        validate(ended, field, null);
        records.set(i, ended);
        if (feedbackGiven) {
            // The question says what the client's end-of-contract feedback is, private part included: nothing is hidden.
            undisclosed.remove(r.contractId());
        }
        if (end.endedBy() == EndedBy.CLIENT && !hourly && escrow > paid) {
            changing.disputableEscrowCents().put(r.contractId(), escrow - paid);
        }
    }

    /**
     * Resolves a dispute: over escrow a client kept when ending earlier in the question (FREELANCER_WON releases it all,
     * SPLIT the freelancer's share, CLIENT_WON none), or re-decides a closed contract's recorded dispute, whose money
     * stays as reported (the score-service never learns the amount disputed).
     */
    private void settleDispute(WhatIf.SettleDispute settle, String field, List<ContractRecord> records, Changing changing) {
        int i = indexOf(records, settle.contractId(), field);
        ContractRecord r = records.get(i);
        if (settle.outcome() == null || settle.outcome() == DisputeOutcome.NONE) {
            throw ProblemException.badRequest(field + ".outcome", "must be FREELANCER_WON, SPLIT or CLIENT_WON");
        }
        Long disputed = changing.disputableEscrowCents().remove(r.contractId());
        long released = 0;
        if (disputed != null) {
            if (settle.outcome() != DisputeOutcome.SPLIT && settle.freelancerShareCents() != null) {
                throw ProblemException.badRequest(field + ".freelancerShareCents", "is for a SPLIT only");
            }
            released = switch (settle.outcome()) {
                case FREELANCER_WON -> disputed;
                case CLIENT_WON -> 0L;
                default -> {
                    if (settle.freelancerShareCents() == null) {
                        throw ProblemException.badRequest(field + ".freelancerShareCents", "is required for a SPLIT");
                    }
                    long share = cents(settle.freelancerShareCents(), field + ".freelancerShareCents", 1);
                    if (share >= disputed) {
                        throw ProblemException.badRequest(field + ".freelancerShareCents", "a share of the disputed escrow ("
                                + disputed + " cents) must be less than all of it");
                    }
                    yield share;
                }
            };
        } else if (r.status() == ContractStatus.ENDED && r.disputeOutcome() != DisputeOutcome.NONE) {
            if (settle.freelancerShareCents() != null) {
                throw ProblemException.badRequest(field + ".freelancerShareCents", "the amount disputed on a recorded dispute "
                        + "is not known here: its money stays as reported");
            }
        } else {
            throw ProblemException.badRequest(field + ".contractId", "is not disputed: a dispute is one the contract's facts "
                    + "record, or one over escrow a client kept when ending it in an earlier END_CONTRACT");
        }
        // Released escrow is dated the end: the resolution's own date is not known, and after the end no weight period
        // or window can tell the two apart.
        records.set(i, new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(),
                r.netEarningsCents() + released, released > 0 ? withDate(r.paymentDates(), r.endedAt()) : r.paymentDates(),
                r.privateRecommend(), r.publicOverall(), r.endReasonCode(), settle.outcome(), r.clientFlagged(),
                r.perkRemovedFromJss()));
    }

    /** An amount in cents given in a change: null is {@code absent}; otherwise from {@code min} to MAX_CENTS. */
    private static long cents(Long value, String field, long absent) {
        if (value == null) {
            return absent;
        }
        if (value < 0) {
            throw ProblemException.badRequest(field, "must not be negative");
        }
        if (value == 0 && absent > 0) {
            throw ProblemException.badRequest(field, "must be more than 0");
        }
        if (value > MAX_CENTS) {
            throw ProblemException.badRequest(field, "must be at most " + MAX_CENTS + " cents");
        }
        return value;
    }

    private static List<LocalDate> withDate(List<LocalDate> dates, LocalDate date) {
        List<LocalDate> out = new ArrayList<>(dates);
        if (!out.contains(date)) {
            out.add(date);
        }
        out.sort(null);
        return out;
    }

    private static int indexOf(List<ContractRecord> records, String contractId, String field) {
        if (contractId == null) {
            throw ProblemException.badRequest(field + ".contractId", "is required");
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).contractId().equals(contractId)) {
                return i;
            }
        }
        throw ProblemException.badRequest(field + ".contractId", "is not one of the freelancer's contracts: " + contractId);
    }

    private static ContractRecord with(ContractRecord r, long net, Integer privateRecommend, java.math.BigDecimal publicOverall) {
        return new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(), net, r.paymentDates(),
                privateRecommend, publicOverall, r.endReasonCode(), r.disputeOutcome(), r.clientFlagged(),
                r.perkRemovedFromJss());
    }

    /** Checks one record with the engine's rules, reporting the field under the change's path. */
    private void validate(ContractRecord record, String field, String only) {
        try {
            JssEngine.validate(new JssRequest(LocalDate.EPOCH, model.params(), List.of(record)));
        } catch (InvalidJssInputException e) {
            String inner = e.field().replaceFirst("^contracts\\[0]\\.?", "");
            String path = only != null ? field + "." + only : inner.isEmpty() ? field : field + "." + inner;
            throw ProblemException.badRequest(path, e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }

    private JssResult compute(List<ContractRecord> records, LocalDate asOf) {
        return model.compute(records, asOf);
    }

    private static WhatIf.State state(LocalDate asOf, JssResult r, List<Badge> badges) {
        return new WhatIf.State(asOf, r.jss(), r.selectedWindow(), r.band(), r.windows(), badges);
    }

    private static Integer minus(Integer a, Integer b) {
        return a == null || b == null ? null : a - b;
    }
}
