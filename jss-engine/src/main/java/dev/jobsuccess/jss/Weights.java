package dev.jobsuccess.jss;

import java.time.LocalDate;

/** The weighting strategies of domain.md §d.3.4 and jss-engine-api.md clarifications 5 and 6. */
final class Weights {

    /** One job is 4 quarter-units; weights are integers so that no score depends on floating point. */
    static final int JOB_Q = 4;
    static final int CAP_Q = 32;

    private Weights() {
    }

    static WeightStrategy of(JssParams params) {
        return switch (params.weighting()) {
            case TIERED -> new Tiered(params.tierBoundsCents().get(0), params.tierBoundsCents().get(1));
            case LINEAR_DOLLARS -> Weights::linearDollars;
            case UNWEIGHTED -> (contract, asOf) -> JOB_Q;
        };
    }

    /**
     * Whole dollars with a floor of $1, so a $0 negative still weighs something. No length bonus and
     * no cap: this strategy exists to show what a purely money-proportional score would say.
     */
    static int linearDollars(ContractRecord contract, LocalDate asOf) {
        return Math.toIntExact(Math.max(contract.netEarningsCents(), 100L) / 100L);
    }

    /**
     * The published tiers (1, 1.25, 1.5 jobs), plus one job for each full 90-day period that held a
     * payment, capped at 8 jobs. A contract ten times larger thus weighs at most 1.5 times more
     * unless it also lasted longer.
     *
     * @param lowBoundCents the largest amount that weighs 1 job
     * @param midBoundCents the largest amount that weighs 1.25 jobs
     */
    record Tiered(long lowBoundCents, long midBoundCents) implements WeightStrategy {

        @Override
        public int weightQ(ContractRecord contract, LocalDate asOf) {
            long paidPeriods = Periods.paidFullPeriods(contract.startedAt(), Periods.bonusLimit(contract, asOf),
                    contract.paymentDates(), asOf);
            long total = base(contract.netEarningsCents()) + JOB_Q * paidPeriods;
            return (int) Math.min(total, CAP_Q);
        }

        int base(long netEarningsCents) {
            if (netEarningsCents <= lowBoundCents) {
                return 4;
            }
            return netEarningsCents <= midBoundCents ? 5 : 6;
        }
    }
}
