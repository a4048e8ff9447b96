package dev.jobsuccess.score.explanation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.jobsuccess.jss.Badge;
import dev.jobsuccess.jss.Band;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.Outcome;
import dev.jobsuccess.jss.Satisfaction;
import dev.jobsuccess.jss.Window;
import dev.jobsuccess.score.scoring.ModelLabel;

/**
 * Why the published score is what it is: each contract's inclusion, outcome class and weight, and how much
 * it moves the score. Computed from revealed feedback only, so it never tells anyone what a client wrote before the
 * reveal. For the freelancer, a contract's class and impact are shown only where the public facts and the published
 * windows fix them; where only a client's private feedback decides, {@code decidedBy} says so and they are left out.
 * The value of a private rating appears only in {@link FeedbackDetail}, which only PLATFORM gets.
 */
public record Explanation(String freelancerId, ModelLabel model, LocalDate asOf, Integer jss, Window selectedWindow, Band band,
                          Map<Window, Integer> windows, List<Badge> badges, List<ContractExplanation> contracts) {

    /** What decides a contract's inclusion and class as the reader sees it. */
    public enum DecidedBy {
        /** Its public facts and the published windows: shown. */
        PUBLIC_FACTS,
        /** Its client's private feedback, which the freelancer cannot see: inclusion, class and impact are left out. */
        PRIVATE_FEEDBACK
    }

    /**
     * @param inclusion null when private feedback decides it
     * @param outcome null when not counted, or when private feedback decides it
     * @param weightQ the weight it has, or would have, when counted (from amounts and dates only); null when it cannot count
     * @param windows the windows it lies in, or would lie in, when counted
     * @param jssWithout the displayed score if this contract were left out (null: there would be none, or it is not
     *                   determined: see {@code impactShown})
     * @param scoreImpact jss − jssWithout: the points this contract adds (negative: costs); null when either is null
     * @param impactShown whether jssWithout and scoreImpact are given: the same whatever the clients' private feedback
     * @param feedback the client's feedback as stored, for PLATFORM only (null for everyone else)
     */
    public record ContractExplanation(String contractId, String clientId, LocalDate startedAt, LocalDate endedAt,
                                      long netEarningsCents, DecidedBy decidedBy, Inclusion inclusion, Outcome outcome,
                                      Integer weightQ, BigDecimal weightJobs, LocalDate outcomeDate, List<Window> windows,
                                      boolean impactShown, Integer jssWithout, Integer scoreImpact, FeedbackDetail feedback) {}

    /**
     * @param submitted whether the client's end-of-contract feedback is stored
     * @param revealed whether it is revealed (and so part of the published score)
     * @param satisfaction the class from every stored feedback, revealed or not
     */
    public record FeedbackDetail(boolean submitted, boolean revealed, Integer privateRecommend, BigDecimal publicOverall,
                                 String privateEndReason, Satisfaction satisfaction) {}
}
