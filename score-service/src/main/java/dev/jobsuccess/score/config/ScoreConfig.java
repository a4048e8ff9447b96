package dev.jobsuccess.score.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.jobsuccess.jss.Formula;
import dev.jobsuccess.jss.Rounding;
import dev.jobsuccess.jss.Weighting;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every parameter of domain.md §d.7 that touches the score, with its default. Each may be set in
 * application.properties or by its environment variable (e.g. {@code JOBSUCCESS_SCORE_FORMULA=NET}).
 * {@link ScoreModel} checks the combination at start-up: a value the engine refuses stops the service.
 */
@ConfigMapping(prefix = "jobsuccess.score")
public interface ScoreConfig {

    /**
     * Freelancers whose facts a recompute holds in memory at once. A poll (up to max-poll-records events) or a snapshot
     * chunk may touch thousands of freelancers, each with any number of contracts; their facts are loaded and scored a
     * group of this many at a time, so the heap holds one group's facts, not the whole poll's.
     */
    @WithDefault("1000")
    int freelancersPerLoad();

    /** Names the model in score-changed; change it whenever a parameter below changes. */
    @WithDefault("jss-model-1")
    String modelVersion();

    @WithDefault("SUCCESS_RATIO")
    Formula formula();

    @WithDefault("TIERED")
    Weighting weighting();

    @WithDefault("FLOOR")
    Rounding rounding();

    /** Inclusive upper bounds of the 1-job and 1.25-job tiers, in cents. */
    @WithDefault("25000,100000")
    List<Long> tierBoundsCents();

    @WithDefault("2")
    int minCountedContracts();

    @WithDefault("2")
    int minDistinctClients();

    /**
     * The rolling windows, longest first. The engine implements the published 24/12/6/3 months (3 only
     * for TRENDING); any other value is refused at start-up rather than silently ignored.
     */
    @WithDefault("24,12,6,3")
    List<Integer> windowsMonths();

    /** Legacy: count inactive open contracts as NEUTRAL. Not supported by the engine; true stops the service. */
    @WithDefault("false")
    boolean penalizeInactiveOpenContracts();

    /** DAILY (newest help text) or BIWEEKLY_SUNDAY (legacy: recompute only every other Sunday). */
    @WithDefault("DAILY")
    RecalcSchedule recalcSchedule();

    /** The Sunday the biweekly schedule counts from (domain.md §d.3.7). */
    @WithDefault("2015-03-01")
    LocalDate biweeklyEpoch();

    /** Legacy Top Rated perk (§d.3.8): off by default, as it ended on 2024-09-03. */
    @WithDefault("false")
    boolean feedbackRemovalPerkEnabled();

    /** Mid-contract (periodic) client feedback counts like end-of-contract feedback (K8 claim); off by default. */
    @WithDefault("false")
    boolean periodicFeedbackCounts();

    Perk perk();

    Badges badges();

    Snapshot snapshot();

    Limits limits();

    /** The legacy perk's rules (§d.3.8). */
    interface Perk {
        /** Requests on or after {@link #sunsetDate()} are rejected while this is true. */
        @WithDefault("true")
        boolean sunsetEnforced();

        @WithDefault("2024-09-03")
        LocalDate sunsetDate();

        /** At most one accepted request in this many months. */
        @WithDefault("3")
        int minMonthsBetween();

        /** Contracts that must have ended since the previous accepted request. */
        @WithDefault("10")
        int minContractsBetween();
    }

    /** Top Rated and Top Rated Plus thresholds (§d.3.9, §d.7). */
    interface Badges {
        @WithDefault("90")
        int topRatedMinJss();

        @WithDefault("13")
        int eligibleWeeksRequired();

        @WithDefault("16")
        int weeksConsidered();

        @WithName("top-rated-min-12m-cents")
        @WithDefault("100000")
        long topRatedMin12mCents();

        @WithName("trp-min-12m-cents")
        @WithDefault("1000000")
        long trpMin12mCents();

        /** A contract's 12-month earnings that make it "large" for Top Rated Plus, in a category without its own. */
        @WithDefault("500000")
        long largeContractThresholdCents();

        /**
         * The large-contract threshold of each category that has its own (§d.3.9's
         * {@code large_contract_threshold_cents(category)}), e.g.
         * {@code jobsuccess.score.badges.large-contract-threshold-by-category.design=1000000}; none by default.
         */
        Map<String, Long> largeContractThresholdByCategory();
    }

    /** The daily snapshot job. */
    interface Snapshot {
        /** When the job looks for due snapshot dates (UTC); "off" disables it. */
        @WithDefault("0 0 0 * * ?")
        String cron();

        /** Whether the job also runs once right after start, to catch up days missed while down. */
        @WithDefault("true")
        boolean catchUpAtStart();

        /**
         * How far back a catch-up goes. Older days change nothing shown today: their scores are superseded
         * and their weekly snapshots are older than the 16 weeks Top Rated looks at.
         */
        @WithDefault("112")
        int maxCatchUpDays();

        /**
         * Freelancers per chunk: a snapshot date is split into chunks of this many, each recomputed in one transaction by
         * whichever replica takes it (and a rebuild works in chunks of this size too).
         */
        @WithDefault("1000")
        int chunkSize();
    }

    /**
     * What one request may ask of the service. The engine's cost grows with what a request carries (a simulation
     * computes each contract's score without it, so its cost grows with the square of the contracts): without bounds
     * any signed-in caller could spend seconds of CPU per request. The defaults lie far beyond a real freelancer
     * (hundreds of contracts in a career, a weekly payment for ten years is 520 dates) and the spec's examples (at
     * most 9 contracts, 51 payment dates); a request beyond them gets 413 naming the field.
     */
    interface Limits {
        /** Contracts in one {@code POST /simulations}. */
        @WithDefault("1000")
        int simulationContracts();

        /** Payment dates of one contract, simulated or a what-if's new contract. */
        @WithDefault("1000")
        int paymentDatesPerContract();

        /** Payment dates of all the contracts of one request together. */
        @WithDefault("20000")
        int paymentDatesPerRequest();

        /**
         * How many distinct sums of weights the freelancer's explanation and what-if may weigh to find what the
         * published score leaves open about their clients' private feedback; beyond it they answer 422, never from the
         * real private ratings. About 80 bytes each.
         */
        @WithDefault("400000")
        int privateFeedbackStates();

        /** Changes in one what-if. */
        @WithDefault("100")
        int whatIfChanges();

        /** How far after today a what-if may look ({@code asOf}), in days. */
        @WithDefault("3650")
        int whatIfDaysAhead();

        /**
         * How many new contracts the advisor's plan tries before it answers "more than this"; each try is one score (for a
         * freelancer, one what-if).
         */
        @WithDefault("100")
        int advisorPlanContracts();

        /** How many counts of prior contracts one advisor sweep compares. */
        @WithDefault("20")
        int advisorSweepCounts();

        /** The largest count of prior contracts an advisor sweep may ask about. */
        @WithDefault("1000")
        int advisorSweepPriorContracts();

        /** Account holds in one stateless advisor question. */
        @WithDefault("100")
        int advisorAccountHolds();

        /** Freelancer ids one rebuild may name (a rebuild of everyone names none). */
        @WithDefault("1000")
        int rebuildFreelancerIds();

        /**
         * How far before today PLATFORM may run the snapshot of a date, in days. An older date recomputes every
         * freelancer with a contract since two years before it, and nothing it stores is shown any more.
         */
        @WithDefault("3650")
        int snapshotDaysBack();
    }
}
