package dev.jobsuccess.score.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.jobsuccess.jss.BadgeInput;
import dev.jobsuccess.jss.BadgeParams;
import dev.jobsuccess.jss.Badges;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractResult;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.jss.InvalidJssInputException;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.jss.LargeContractInfo;
import dev.jobsuccess.jss.Outcome;
import dev.jobsuccess.score.config.RecalcSchedule;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.facts.ContractFacts;
import dev.jobsuccess.score.facts.Earning;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.FeedbackFacts;
import dev.jobsuccess.score.facts.FreelancerFacts;

/**
 * The score model in force (from {@link ScoreConfig}) and the translation of stored facts into the engine's
 * contract records and badge input. Checked at start-up: a configuration the engine refuses stops the service.
 */
@ApplicationScoped
@Startup
public class ScoreModel {

    /** The windows the engine implements (domain.md §d.7 windows_months). */
    static final List<Integer> SUPPORTED_WINDOWS = List.of(24, 12, 6, 3);
    /** Top Rated needs no account hold in this many days (§d.3.9). */
    private static final int ACCOUNT_HOLD_DAYS = 90;
    private static final int ACTIVITY_DAYS = 90;

    private final ScoreConfig config;
    private final JssParams params;
    private final BadgeParams badgeParams;
    private final ModelLabel label;

    ScoreModel(ScoreConfig config) {
        this.config = config;
        if (!SUPPORTED_WINDOWS.equals(config.windowsMonths())) {
            throw new IllegalStateException("jobsuccess.score.windows-months: the engine computes the published windows "
                    + SUPPORTED_WINDOWS + " only, not " + config.windowsMonths());
        }
        this.params = new JssParams(config.formula(), config.weighting(), config.rounding(), config.tierBoundsCents(),
                config.minCountedContracts(), config.minDistinctClients(), config.penalizeInactiveOpenContracts());
        try {
            JssEngine.validate(new JssRequest(LocalDate.EPOCH, params, List.of()));
        } catch (InvalidJssInputException e) {
            throw new IllegalStateException("jobsuccess.score." + kebab(e.field().replace("params.", "")) + ": "
                    + e.getMessage(), e);
        }
        ScoreConfig.Badges b = config.badges();
        if (b.weeksConsidered() < 1 || b.eligibleWeeksRequired() < 0 || b.eligibleWeeksRequired() > b.weeksConsidered()) {
            throw new IllegalStateException("jobsuccess.score.badges: eligible-weeks-required must be between 0 and "
                    + "weeks-considered (at least 1)");
        }
        this.label = ModelLabel.of(config.modelVersion());
        this.badgeParams = new BadgeParams(b.topRatedMinJss(), b.eligibleWeeksRequired(), b.weeksConsidered(),
                b.topRatedMin12mCents(), b.trpMin12mCents(), b.largeContractThresholdCents(), b.largeContractThresholdByCategory());
    }

    public JssParams params() {
        return params;
    }

    public String version() {
        return config.modelVersion();
    }

    /** The label every score response and score-changed record carries. */
    public ModelLabel label() {
        return label;
    }

    public ScoreConfig config() {
        return config;
    }

    public RecalcSchedule schedule() {
        return config.recalcSchedule();
    }

    /** The date the published score is as of on {@code today} (today, or the last biweekly Sunday). */
    public LocalDate effectiveDate(LocalDate today) {
        return config.recalcSchedule().effectiveDate(today, config.biweeklyEpoch());
    }

    /** The engine's records for the freelancer's contracts, in the order they ended, open ones last. */
    public List<ContractRecord> records(FreelancerFacts facts, Visibility visibility) {
        return facts.contracts().stream().map(c -> record(c, visibility)).toList();
    }

    /**
     * One contract as the engine sees it. Its ratings come from the latest counting feedback the visibility
     * allows: the end-of-contract feedback, and, with periodic_feedback_counts, mid-contract feedback.
     */
    public ContractRecord record(ContractFacts c, Visibility visibility) {
        List<FeedbackFacts> counting = new ArrayList<>();
        if (c.endFeedback() != null && (visibility == Visibility.ALL || c.endFeedback().revealed())) {
            counting.add(c.endFeedback());
        }
        if (config.periodicFeedbackCounts()) {
            counting.addAll(c.periodicFeedback());
        }
        FeedbackFacts latest = counting.stream().max(Comparator.comparing(FeedbackFacts::submittedAt)).orElse(null);
        return new ContractRecord(c.contractId(), c.clientId(), c.status(), c.startedAt(), c.endedAt(),
                c.netEarningsCents(), c.paymentDates(),
                latest == null ? null : latest.privateRecommend(),
                latest == null ? null : latest.publicOverall(),
                endReason(c, latest, visibility), c.disputeOutcome(), c.clientFlagged(), c.perkRemoved());
    }

    /**
     * One contract with its public facts only, as anyone who may not read its client's private feedback knows it: no
     * private rating and no reason the client gave (at the end, or in private feedback). A system's reason stays.
     */
    public ContractRecord publicRecord(ContractFacts c) {
        ContractRecord r = record(c, Visibility.PUBLISHED);
        return new ContractRecord(r.contractId(), r.clientId(), r.status(), r.startedAt(), r.endedAt(), r.netEarningsCents(),
                r.paymentDates(), null, r.publicOverall(), c.endedBy() == EndedBy.SYSTEM ? c.endReasonCode() : null,
                r.disputeOutcome(), r.clientFlagged(), r.perkRemovedFromJss());
    }

    /**
     * Whether the published score holds this contract's client's private feedback: their revealed private part, or the
     * reason they ended with once it counts. Its class may then be anything the published windows allow.
     */
    public boolean privatelyDecided(ContractFacts c) {
        boolean feedbackCounts = c.endFeedback() != null && c.endFeedback().revealed()
                || config.periodicFeedbackCounts() && !c.periodicFeedback().isEmpty();
        return feedbackCounts || c.endedBy() == EndedBy.CLIENT && record(c, Visibility.PUBLISHED).endReasonCode() != null;
    }

    /**
     * The client's end reason. A freelancer's reason is never a score input (§c C16); the reason the client
     * gave in visible private feedback counts too, and a capping reason wins (the worst-of rule). The reason a client
     * ended with is part of their private feedback (§d.2 rule 2): it counts once that feedback is revealed, or once the
     * window closed without it, never before, so that it cannot move the score ahead of the double-blind reveal.
     */
    private static EndReason endReason(ContractFacts c, FeedbackFacts feedback, Visibility visibility) {
        boolean clientsReasonRevealed = visibility == Visibility.ALL || c.feedbackWindowClosed()
                || c.endFeedback() != null && c.endFeedback().revealed();
        EndReason fromClose = switch (c.endedBy()) {
            case null -> c.endReasonCode();
            case FREELANCER -> null;
            case CLIENT -> clientsReasonRevealed ? c.endReasonCode() : null;
            case SYSTEM -> c.endReasonCode();
        };
        EndReason fromFeedback = feedback == null ? null : parseReason(feedback.privateEndReason());
        if (fromFeedback != null && fromFeedback.negativeCap() && (fromClose == null || !fromClose.negativeCap())) {
            return fromFeedback;
        }
        return fromClose != null ? fromClose : fromFeedback;
    }

    private static EndReason parseReason(String reason) {
        if (reason == null) {
            return null;
        }
        try {
            return EndReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public JssResult compute(List<ContractRecord> records, LocalDate asOf) {
        return JssEngine.compute(new JssRequest(asOf, params, records));
    }

    /**
     * Top Rated and Top Rated Plus at {@code asOf} (domain.md §d.3.9).
     *
     * @param facts the freelancer's stored facts: each contract's earnings and category, and their account holds
     * @param records the contracts as computed, stored or hypothetical (a what-if's), in {@code result}'s order
     * @param weekly the displayed score of a Sunday snapshot, or null for a week without one
     */
    public BadgeEvaluation badges(FreelancerFacts facts, List<ContractRecord> records, JssResult result, LocalDate asOf,
                                  Function<LocalDate, Integer> weekly) {
        BadgeInput input = badgeInput(facts, records, result, asOf, weekly);
        return new BadgeEvaluation(Badges.evaluate(input, badgeParams),
                Badges.eligibleWeeks(input.weeklyJssLast16(), false, badgeParams.topRatedMinJss()));
    }

    /** The thresholds of the badge rule in force. */
    public BadgeParams badgeParams() {
        return badgeParams;
    }

    /**
     * What the badge rule looks at on {@code asOf}, gathered as {@link #badges} gathers it; the advisor shows it condition
     * by condition.
     */
    public BadgeInput badgeInput(FreelancerFacts facts, List<ContractRecord> records, JssResult result, LocalDate asOf,
                                 Function<LocalDate, Integer> weekly) {
        List<Integer> weeks = new ArrayList<>();
        for (LocalDate sunday : sundays(asOf)) {
            weeks.add(weekly.apply(sunday));
        }
        Map<String, ContractFacts> stored = new HashMap<>();
        facts.contracts().forEach(c -> stored.put(c.contractId(), c));
        LocalDate yearAgo = asOf.minusMonths(12);
        LocalDate activitySince = asOf.minusDays(ACTIVITY_DAYS);
        long gross12m = 0;
        boolean activity = false;
        LocalDate firstStart = null;
        List<LargeContractInfo> large = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ContractRecord r = records.get(i);
            ContractFacts c = stored.get(r.contractId());
            ContractResult outcome = result.contracts().get(i);
            TwelveMonths money = twelveMonths(r, c == null ? null : c.earnings(), yearAgo, asOf);
            gross12m += money.earningsCents();
            activity |= r.paymentDates().stream().anyMatch(d -> !d.isBefore(activitySince) && !d.isAfter(asOf))
                    || r.endedAt() != null && !r.endedAt().isBefore(activitySince) && !r.endedAt().isAfter(asOf);
            if (!r.startedAt().isAfter(asOf) && (firstStart == null || r.startedAt().isBefore(firstStart))) {
                firstStart = r.startedAt();
            }
            large.add(new LargeContractInfo(r.contractId(), money.earningsCents(), outcome.outcome() == Outcome.NEGATIVE,
                    money.earned(), c == null ? null : c.category()));
        }
        boolean held = facts.heldBetween(asOf.minusDays(ACCOUNT_HOLD_DAYS), asOf);
        return new BadgeInput(result.jss(), weeks, asOf, firstStart, gross12m, held, activity, false, large);
    }

    /** A contract's earnings in the 12 months up to a date, and whether any money reached the freelancer in them. */
    record TwelveMonths(long earningsCents, boolean earned) {}

    /**
     * The contract's gross earnings (before fees) dated from {@code from} to {@code to}: the sum of its reported
     * movements in them, refunds subtracted, never below 0. A record whose net differs from the reported movements (a
     * what-if's change) has the difference dated {@code to}. Without reported movements (events from before they were
     * published, or a hypothetical contract) the whole net counts if a payment falls in the period.
     */
    static TwelveMonths twelveMonths(ContractRecord r, List<Earning> earnings, LocalDate from, LocalDate to) {
        if (earnings == null) {
            boolean paid = r.paymentDates().stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to));
            return new TwelveMonths(paid ? r.netEarningsCents() : 0, paid);
        }
        long inPeriod = 0;
        long total = 0;
        boolean earned = false;
        for (Earning e : earnings) {
            total += e.amountCents();
            LocalDate day = FactLoader.utcDate(e.at());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                inPeriod += e.amountCents();
                earned |= e.amountCents() > 0;
            }
        }
        long hypothetical = r.netEarningsCents() - Math.max(0, total);
        inPeriod += hypothetical;
        earned |= hypothetical > 0;
        return new TwelveMonths(Math.max(0, inPeriod), earned);
    }

    /** The Sundays Top Rated looks at on {@code asOf}, oldest first, the last one on or before it. */
    public List<LocalDate> sundays(LocalDate asOf) {
        LocalDate last = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        List<LocalDate> sundays = new ArrayList<>();
        for (int back = badgeParams.weeksConsidered() - 1; back >= 0; back--) {
            sundays.add(last.minusWeeks(back));
        }
        return sundays;
    }

    /** Whether a date is a Sunday, the day weekly snapshots are taken. */
    public static boolean isSunday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The displayed score without a contract, for the perk decision and explanations. */
    public static Integer jssWithout(List<ContractRecord> records, LocalDate asOf, JssParams params, String contractId) {
        return JssEngine.jssWithout(new JssRequest(asOf, params, records)).get(contractId);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
