package dev.jobsuccess.jss;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Decides, for one contract on its own, its satisfaction class (domain.md §d.3.2), whether an open
 * contract counts as long-term (§d.3.6), and its inclusion (§d.3.3). Nothing here depends on the
 * other contracts, so a contract's classification can be reused when another one is left out.
 */
final class Classifier {

    private static final BigDecimal PUBLIC_POSITIVE = new BigDecimal("4.50");
    private static final BigDecimal PUBLIC_NEUTRAL = new BigDecimal("3.50");

    /**
     * @param satisfaction after the long-term rule's "none means positive"
     * @param outcomeDate null when the contract has none (open and not long-term eligible)
     */
    record Classification(Inclusion inclusion, Outcome outcome, Satisfaction satisfaction, boolean longTermEligible,
                          LocalDate outcomeDate) {
    }

    private Classifier() {
    }

    static Classification classify(ContractRecord c, LocalDate asOf) {
        boolean open = c.status() != ContractStatus.ENDED;
        boolean longTerm = open && isLongTermEligible(c, asOf);
        Satisfaction satisfaction = satisfaction(c);
        if (longTerm && satisfaction == Satisfaction.NONE) {
            satisfaction = Satisfaction.POSITIVE;
        }
        LocalDate outcomeDate = open
                ? (longTerm ? Periods.latestPayment(c.paymentDates(), asOf).orElseThrow() : null)
                : c.endedAt();
        Inclusion inclusion = inclusion(c, open && !longTerm, satisfaction);
        Outcome outcome = inclusion == Inclusion.COUNTED ? outcomeOf(satisfaction) : null;
        return new Classification(inclusion, outcome, satisfaction, longTerm, outcomeDate);
    }

    /** The rules of §d.3.3 in their order; the first that matches decides. */
    private static Inclusion inclusion(ContractRecord c, boolean excludedAsOpen, Satisfaction satisfaction) {
        if (excludedAsOpen) {
            return Inclusion.EXCLUDED_OPEN;
        }
        if (c.perkRemovedFromJss()) {
            return Inclusion.EXCLUDED_PERK;
        }
        if (c.clientFlagged()) {
            return Inclusion.EXCLUDED_FLAGGED_CLIENT;
        }
        if (satisfaction == Satisfaction.NONE) {
            return Inclusion.EXCLUDED_NO_FEEDBACK;
        }
        // A $0 contract may still hurt (NEGATIVE) but can never help: the moderator rule of seed 004.
        if (c.netEarningsCents() == 0 && satisfaction != Satisfaction.NEGATIVE) {
            return Inclusion.EXCLUDED_ZERO_EARNINGS;
        }
        return Inclusion.COUNTED;
    }

    /**
     * The worst of the classes that exist. An end reason without a cap and a dispute the freelancer
     * won have no class, so on their own they leave NONE (clarification 9): they say nothing about
     * how satisfied the client was.
     */
    static Satisfaction satisfaction(ContractRecord c) {
        Satisfaction worst = Satisfaction.NONE;
        if (c.privateRecommend() != null) {
            worst = worse(worst, privateClass(c.privateRecommend()));
        }
        if (c.publicOverall() != null) {
            worst = worse(worst, publicClass(c.publicOverall()));
        }
        if (c.endReasonCode() != null && c.endReasonCode().negativeCap()) {
            worst = worse(worst, Satisfaction.NEGATIVE);
        }
        worst = switch (c.disputeOutcome()) {
            case CLIENT_WON -> worse(worst, Satisfaction.NEGATIVE);
            case SPLIT -> worse(worst, Satisfaction.NEUTRAL);
            case NONE, FREELANCER_WON -> worst;
        };
        return worst;
    }

    /** The NPS promoter / passive / detractor split of the private 0–10 score. */
    static Satisfaction privateClass(int recommend) {
        if (recommend >= 9) {
            return Satisfaction.POSITIVE;
        }
        return recommend >= 7 ? Satisfaction.NEUTRAL : Satisfaction.NEGATIVE;
    }

    /** Compares the exact decimal, unrounded (clarification 11): 4.499 is NEUTRAL. */
    static Satisfaction publicClass(BigDecimal overall) {
        if (overall.compareTo(PUBLIC_POSITIVE) >= 0) {
            return Satisfaction.POSITIVE;
        }
        return overall.compareTo(PUBLIC_NEUTRAL) >= 0 ? Satisfaction.NEUTRAL : Satisfaction.NEGATIVE;
    }

    /** NONE ranks above every real class, so any class found replaces it. */
    private static Satisfaction worse(Satisfaction a, Satisfaction b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /**
     * §d.3.6: open for at least one full period, every full period paid, and paid within the last
     * 90 days (clarification 3: {@code asOf − latestPayment ≤ 90}).
     */
    static boolean isLongTermEligible(ContractRecord c, LocalDate asOf) {
        if (ChronoUnit.DAYS.between(c.startedAt(), asOf) < Periods.PERIOD_DAYS) {
            return false;
        }
        long full = Periods.fullPeriods(c.startedAt(), asOf);
        if (Periods.paidFullPeriods(c.startedAt(), asOf, c.paymentDates(), asOf) < full) {
            return false;
        }
        Optional<LocalDate> latest = Periods.latestPayment(c.paymentDates(), asOf);
        return latest.isPresent() && ChronoUnit.DAYS.between(latest.get(), asOf) <= Periods.PERIOD_DAYS;
    }

    private static Outcome outcomeOf(Satisfaction satisfaction) {
        return switch (satisfaction) {
            case POSITIVE -> Outcome.SUCCESS;
            case NEUTRAL -> Outcome.NEUTRAL;
            case NEGATIVE -> Outcome.NEGATIVE;
            case NONE -> throw new IllegalStateException("a contract without feedback is never counted");
        };
    }
}
