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

/**
 * Why the published score is what it is: each contract's inclusion, outcome class and weight, and how much
 * it moves the score. Computed from the facts the freelancer may know (revealed feedback only), so it never
 * tells them what a client wrote before they wrote theirs; the value of a private rating appears only in
 * {@link FeedbackDetail}, which only PLATFORM gets.
 */
public record Explanation(String freelancerId, LocalDate asOf, Integer jss, Window selectedWindow, Band band,
                          Map<Window, Integer> windows, List<Badge> badges, List<ContractExplanation> contracts) {

    /**
     * @param jssWithout the displayed score if this contract were left out (null: there would be none)
     * @param scoreImpact jss − jssWithout: the points this contract adds (negative: costs); null when either is null
     * @param feedback the client's feedback as stored, for PLATFORM only (null for everyone else)
     */
    public record ContractExplanation(String contractId, String clientId, LocalDate startedAt, LocalDate endedAt,
                                      long netEarningsCents, Inclusion inclusion, Outcome outcome, Integer weightQ,
                                      BigDecimal weightJobs, LocalDate outcomeDate, List<Window> windows, Integer jssWithout,
                                      Integer scoreImpact, FeedbackDetail feedback) {}

    /**
     * @param submitted whether the client's end-of-contract feedback is stored
     * @param revealed whether it is revealed (and so part of the published score)
     * @param satisfaction the class from every stored feedback, revealed or not
     */
    public record FeedbackDetail(boolean submitted, boolean revealed, Integer privateRecommend, BigDecimal publicOverall,
                                 String privateEndReason, Satisfaction satisfaction) {}
}
