package dev.jobsuccess.contract.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every contract and money timing of domain.md §d.7, with its default. Each can be overridden as
 * {@code jobsuccess.contract.<name>} or by the environment (JOBSUCCESS_CONTRACT_<NAME>).
 */
@ConfigMapping(prefix = "jobsuccess.contract")
public interface ContractConfig {

    /** Smallest milestone amount in cents (PUB S34: $5). */
    @WithDefault("500")
    long milestoneMinCents();

    /**
     * Largest amount of money one request may name, in cents ($1,000,000): a milestone, a bonus, a release, a refund,
     * payAmountCents, a disputed part of an invoice, a mediation split or an arbitration award. More is refused with 400.
     */
    @WithDefault("100000000")
    long maxAmountCents();

    /** Largest hourly rate in cents ($1,000 an hour); with at most 168 hours a week, a weekly invoice stays far from overflow. */
    @WithDefault("100000")
    long maxHourlyRateCents();

    /**
     * Largest total of one kind a contract may reach, in cents ($10,000,000): the amounts of all its milestones, and
     * all its bonuses. A request that would go beyond is refused with 400, so no sum of a contract can overflow.
     */
    @WithDefault("1000000000")
    long maxContractTotalCents();

    /** How far before today (service clock, UTC) a milestone's due date may lie. */
    @WithDefault("P1Y")
    Period milestoneDueDateMaxPast();

    /** How far after today (service clock, UTC) a milestone's due date may lie. */
    @WithDefault("P10Y")
    Period milestoneDueDateMaxFuture();

    /**
     * Days an offer waits for the freelancer's answer before it expires (OFFER_CANCELLED, reason EXPIRED, as a decline
     * or withdrawal: no event, no JSS outcome). domain.md §d.1.1 has the transition but no period: 14 days is our
     * choice, the length of the spec's other waiting periods (review, feedback window), not a published figure.
     */
    @WithDefault("14")
    @Min(1)
    int offerExpiryDays();

    /** Days the client has to review a submitted milestone before it is auto-approved (PUB S31). */
    @WithDefault("14")
    int milestoneReviewDays();

    /** Days the freelancer has to approve or dispute an escrow refund request; silence refunds (PUB S35). */
    @WithDefault("7")
    int escrowRefundResponseDays();

    /** Business days the client has to answer an escrow dispute; silence releases to the freelancer (PUB S37). */
    @WithDefault("5")
    int disputeClientResponseBusinessDays();

    /** Days mediation may take before arbitration is offered (PUB S37). */
    @WithDefault("30")
    int mediationMaxDays();

    /** Days the parties have to pay the arbitration fee; if neither pays, the client gets the funds (PUB S38). */
    @WithDefault("7")
    int arbitrationPaymentDays();

    /**
     * The arbitration fee each paying party pays, in cents (COMM K13: $291 a party; PUB S38 says the parties share the
     * fee). Posted as ARBITRATION_FEE to platform:arbitration; it never changes net earnings. 0 posts nothing.
     */
    @WithDefault("29100")
    @Min(0)
    long arbitrationFeeCents();

    /** Days released money stays pending before it becomes available (PUB S33). */
    @WithDefault("5")
    int securityHoldDays();

    /** Days after a payment during which the freelancer may refund it (PUB S40, S41). */
    @WithDefault("180")
    int postReleaseRefundDays();

    /** Days after the end during which the client may still pay a bonus (PUB S50). */
    @WithDefault("365")
    int bonusAfterEndDays();

    /** Business days the freelancer has to answer an hourly dispute; silence refunds the client (PUB S44). */
    @WithDefault("3")
    int hourlyDisputeResponseBusinessDays();

    /** Days without activity after which a fixed-price contract holding funds is closed by the system (S46). */
    @WithDefault("90")
    int dormantFixedPriceDays();

    /**
     * Days of inactivity on which such a contract's parties get a contract-dormancy-notice before the close (S46, low
     * confidence: 76 and 83), ascending, each between 1 and {@link #dormantFixedPriceDays()} − 1 (checked at start).
     */
    @WithDefault("76,83")
    List<Integer> dormantFixedPriceNoticeDays();

    /** The freelancer service fee in basis points; fee = floor(gross × bps / 10000) (PUB S48). */
    @WithDefault("1000")
    int freelancerFeeBps();

    /** Days of the feedback window that ending a contract opens (PUB, §d.2). */
    @WithDefault("14")
    int feedbackWindowDays();

    /** How often the timer job looks for due timers (read by the scheduler as ${jobsuccess.contract.timer-interval}). */
    @WithDefault("10s")
    String timerInterval();

    /** How long after start-up the timer job first runs (${jobsuccess.contract.timer-delay}). */
    @WithDefault("5s")
    String timerDelay();

    /** How many contracts with due timers one pass of the timer job handles before it looks again. */
    @WithDefault("100")
    int timerBatchSize();

    /**
     * How long after its timers failed a contract is tried again; each further failure in a row doubles the wait,
     * up to {@link #timerRetryMaxDelay()}. Meanwhile its parties' commands run without it.
     */
    @WithDefault("PT1M")
    Duration timerRetryDelay();

    /** The longest wait between two tries of a contract whose timers keep failing. */
    @WithDefault("PT1H")
    Duration timerRetryMaxDelay();
}
