package dev.jobsuccess.feedback.flag;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The client-flag rule of domain.md §d.3.3 [DESIGN]: a client is flagged when suspended, or when at least
 * {@code minFreelancers} distinct freelancers left feedback on them and at least {@code negativeSharePercent} of those
 * were negative. A freelancer with several contracts with the client counts once, by their latest feedback.
 */
public record ClientFlagRule(int minFreelancers, int negativeSharePercent) {

    /** §d.3.2 thresholds: private ≤ 6 is NEGATIVE, and so is a public overall below 3.50. */
    public static final int NEGATIVE_MAX_RECOMMEND = 6;
    public static final BigDecimal NEGATIVE_BELOW_OVERALL = new BigDecimal("3.50");

    /** One freelancer's latest feedback on the client: the private rating and public overall it gave, either may be absent. */
    public record Assessment(String freelancerId, Integer recommendScore, BigDecimal overall) {

        public boolean negative() {
            return (recommendScore != null && recommendScore <= NEGATIVE_MAX_RECOMMEND)
                    || (overall != null && overall.compareTo(NEGATIVE_BELOW_OVERALL) < 0);
        }
    }

    public record Evaluation(boolean flagged, FlagReason reason, int distinctFreelancers, int negativeFreelancers) {}

    /** {@code assessments} holds one entry per distinct freelancer. */
    public Evaluation evaluate(Collection<Assessment> assessments, boolean suspended) {
        int distinct = assessments.size();
        int negative = (int) assessments.stream().filter(Assessment::negative).count();
        boolean poor = distinct >= minFreelancers && negative * 100L >= (long) negativeSharePercent * distinct;
        FlagReason reason = suspended ? FlagReason.CLIENT_SUSPENDED : poor ? FlagReason.POOR_COLLABORATION : FlagReason.NONE;
        return new Evaluation(reason != FlagReason.NONE, reason, distinct, negative);
    }
}
