package dev.jobsuccess.score.whatif;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.Outcome;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.scoring.ModelLabel;

/** A what-if question about a freelancer's real facts, and its answer (domain.md §d.6). */
public final class WhatIf {

    private WhatIf() {
    }

    /** One hypothetical change. */
    public sealed interface Change permits Refund, PrivateRating, PublicRating, NewContract, EndContract, SettleDispute {}

    /** The contract's net earnings become this amount (a refund; never more than it earned). */
    public record Refund(String contractId, long netEarningsCents) implements Change {}

    /** The client's private 0–10 rating becomes this value; null: no private rating. */
    public record PrivateRating(String contractId, Integer privateRecommend) implements Change {}

    /** The client's public overall rating becomes this value; null: no public rating. */
    public record PublicRating(String contractId, BigDecimal publicOverall) implements Change {}

    /** A contract that does not exist (yet), in the engine's record form. */
    public record NewContract(ContractRecord contract) implements Change {}

    /** What is paid when a contract ends (domain.md §b.5, §d.1.2). */
    public enum EndPayment {
        /** Nothing more: escrow left goes back to the client. */
        NONE,
        /** Part of the escrow is released (the rest goes back), or an hourly contract's last invoice is billed. */
        PART,
        /** The whole escrow balance is released (fixed-price only). */
        FULL
    }

    /**
     * An open contract ends. The money: {@code payment} at the end, out of {@code escrowCents} held in escrow (fixed-price;
     * the score-service does not know escrow, so the question says it). Escrow not released goes back to the client: at
     * once when the freelancer ends, through an escrow refund request the freelancer may dispute when the client does.
     *
     * @param endedAt null: the date looked at
     * @param paymentCents PART: the amount paid at the end; FULL: omitted or the escrow balance; NONE: omitted or 0
     * @param escrowCents null: none
     * @param privateRecommend with publicOverall, the client's end-of-contract feedback; both null: the feedback the
     *                         contract already has (none for an open contract unless periodic feedback counts)
     */
    public record EndContract(String contractId, EndedBy endedBy, EndReason endReason, EndPayment payment, Long paymentCents,
                              Long escrowCents, LocalDate endedAt, Integer privateRecommend, BigDecimal publicOverall)
            implements Change {}

    /**
     * A dispute on the contract is resolved this way: an escrow refund request the freelancer disputes after an
     * END_CONTRACT in which the client ended with escrow left, or a closed contract whose facts carry a dispute.
     *
     * @param freelancerShareCents SPLIT of disputed escrow only: what is released to the freelancer
     */
    public record SettleDispute(String contractId, DisputeOutcome outcome, Long freelancerShareCents) implements Change {}

    /**
     * @param asOf the date to compute the hypothetical score at; null for today, never before today
     * @param includeUnrevealedFeedback PLATFORM only: start from every stored feedback, revealed or not
     */
    public record Question(LocalDate asOf, boolean includeUnrevealedFeedback, List<Change> changes) {

        public Question {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** A score and the badges that go with it. */
    public record State(LocalDate asOf, Integer jss, Window selectedWindow, Band band, Map<Window, Integer> windows,
                        List<Badge> badges) {}

    /**
     * @param privateFeedbackDecides whether its inclusion and outcome after depend on its client's private feedback, which
     *                               the freelancer cannot see: then they are left out
     * @param changed whether the changes or the date moved this contract's inclusion, outcome or weight (false when
     *                private feedback decides it)
     */
    public record ContractAfter(String contractId, boolean hypothetical, boolean privateFeedbackDecides, Inclusion inclusion,
                                Outcome outcome, Integer weightQ, BigDecimal weightJobs, boolean changed) {}

    /** The lowest and highest displayed score after the changes (null: no score) over the possible outcomes. */
    public record JssRange(Integer min, Integer max, boolean noScorePossible) {}

    /**
     * The answer. For PLATFORM, and wherever the clients' private feedback cannot change it, {@code after} is the one
     * result. Otherwise the result depends on private feedback the freelancer cannot see: {@code after} is null and
     * {@code possibleAfter} lists every result consistent with what they can see (the published windows and the public
     * facts), with {@code range} and a sentence saying so.
     *
     * @param determined whether {@code after} holds the one result
     * @param possibleAfter every possible result, lowest score first (one when determined)
     * @param difference after − before per window and for the displayed score ("jss"); null where either is null, and
     *                   all null when not determined
     * @param badgesGained badges gained in every possible result
     * @param badgesLost badges lost in every possible result
     * @param badgesUncertain badges gained or lost in some possible results only
     */
    public record Answer(String freelancerId, ModelLabel model, State before, boolean determined, State after, List<State> possibleAfter,
                         JssRange range, String summary, Map<String, Integer> difference, List<Badge> badgesGained,
                         List<Badge> badgesLost, List<Badge> badgesUncertain, List<ContractAfter> contracts) {}
}
