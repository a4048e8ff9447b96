package dev.jobsuccess.score.facts;

/**
 * One consumed event's content as the score keeps it. Facts are stored each on its own and merged only
 * when a score is computed, so they may arrive in any order and more than once.
 */
public sealed interface Fact permits ClosedContract, EarningsAdjustment, StartedContract, OpenContractPayment, ClientFeedback,
        FeedbackReveal, FeedbackWindowClose, ClientFlag {
}
