package dev.jobsuccess.jss;

import static dev.jobsuccess.jss.Fixtures.AS_OF;
import static dev.jobsuccess.jss.Fixtures.contract;
import static dev.jobsuccess.jss.Fixtures.ended;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsTest {

    private static JssParams weighting(Weighting weighting) {
        return new JssParams(null, weighting, null, null, null, null, null).withDefaults();
    }

    @Test
    void eachWeightingPicksItsStrategy() {
        ContractRecord tenThousand = ended("K1", "2025-03-10", 1_000_000, 10);
        assertInstanceOf(Weights.Tiered.class, Weights.of(weighting(Weighting.TIERED)));
        assertEquals(10_000, Weights.of(weighting(Weighting.LINEAR_DOLLARS)).weightQ(tenThousand, AS_OF));
        assertEquals(4, Weights.of(weighting(Weighting.UNWEIGHTED)).weightQ(tenThousand, AS_OF));
    }

    /** EX-3: under the published tiers a contract ten times larger weighs only 1.2 times more. */
    @Test
    void tenTimesTheMoneyIsOnePointTwoTimesTheWeight() {
        WeightStrategy tiered = Weights.of(JssParams.defaults());
        int large = tiered.weightQ(ended("K1", "2025-03-10", 1_000_000, 10), AS_OF);
        int small = tiered.weightQ(ended("K2", "2025-03-20", 100_000, 3), AS_OF);
        assertEquals(6, large);
        assertEquals(5, small);
        assertEquals(6 * 5, large * 5, "6/5 = 1.2");
    }

    /** EX-3's two contracts through the same engine path, with only the weighting parameter changed. */
    @Test
    void theWeightingParameterSwapsTheStrategy() {
        ContractRecord k1 = ended("K1", "2025-03-10", 1_000_000, 10);
        ContractRecord k2 = ended("K2", "2025-03-20", 100_000, 3);
        assertEquals(54, JssEngine.compute(Fixtures.request(weighting(Weighting.TIERED), k1, k2)).jss());
        assertEquals(90, JssEngine.compute(Fixtures.request(weighting(Weighting.LINEAR_DOLLARS), k1, k2)).jss());
        assertEquals(50, JssEngine.compute(Fixtures.request(weighting(Weighting.UNWEIGHTED), k1, k2)).jss());
    }

    @Test
    void tieredBaseFollowsTheBounds() {
        Weights.Tiered tiered = new Weights.Tiered(25_000, 100_000);
        assertEquals(4, tiered.base(0));
        assertEquals(4, tiered.base(25_000));
        assertEquals(5, tiered.base(25_001));
        assertEquals(5, tiered.base(100_000));
        assertEquals(6, tiered.base(100_001));
    }

    @Test
    void lengthBonusCountsPaidFullPeriodsUpToTheCap() {
        WeightStrategy tiered = Weights.of(JssParams.defaults());
        ContractRecord twoPaid = contract("L").startedAt("2025-01-01").endedAt("2025-06-30")
                .payments(List.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-29"))).build();
        assertEquals(4 + 8, tiered.weightQ(twoPaid, AS_OF));

        ContractRecord tenYears = contract("M").startedAt("2015-07-01").endedAt("2025-06-30").net(5_000_000L)
                .payments(java.util.stream.IntStream.range(0, 40)
                        .mapToObj(k -> LocalDate.parse("2015-07-01").plusDays(90L * k)).toList())
                .build();
        assertEquals(Weights.CAP_Q, tiered.weightQ(tenYears, AS_OF));
    }

    @Test
    void linearDollarsFloorsAtOneDollarAndTruncates() {
        WeightStrategy linear = Weights.of(weighting(Weighting.LINEAR_DOLLARS));
        assertEquals(1, linear.weightQ(ended("A", "2025-06-01", 0, 2), AS_OF));
        assertEquals(1, linear.weightQ(ended("A", "2025-06-01", 199, 2), AS_OF));
        assertEquals(2, linear.weightQ(ended("A", "2025-06-01", 200, 2), AS_OF));
        assertEquals(Integer.MAX_VALUE,
                linear.weightQ(ended("A", "2025-06-01", Validator.MAX_NET_EARNINGS_CENTS, 2), AS_OF));
    }
}
