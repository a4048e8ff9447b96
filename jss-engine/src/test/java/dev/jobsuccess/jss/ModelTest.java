package dev.jobsuccess.jss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void bandBoundaries() {
        assertNull(Band.of(null));
        assertEquals(Band.TOP, Band.of(100));
        assertEquals(Band.TOP, Band.of(90));
        assertEquals(Band.SOLID, Band.of(89));
        assertEquals(Band.SOLID, Band.of(80));
        assertEquals(Band.AT_RISK, Band.of(79));
        assertEquals(Band.AT_RISK, Band.of(0));
    }

    @Test
    void windowMonths() {
        assertEquals(24, Window.W24.months());
        assertEquals(12, Window.W12.months());
        assertEquals(6, Window.W6.months());
        assertEquals(3, Window.W3.months());
        assertNull(Window.TRENDING.months());
    }

    @Test
    void onlyTheThreeClientReasonsCap() {
        assertEquals(EnumSet.of(EndReason.JOB_COMPLETED_UNSUCCESSFULLY, EndReason.FREELANCER_UNRESPONSIVE,
                        EndReason.FREELANCER_LACKED_SKILLS),
                EnumSet.copyOf(List.of(EndReason.values()).stream().filter(EndReason::negativeCap).toList()));
    }

    @Test
    void paramDefaults() {
        JssParams defaults = JssParams.defaults();
        assertEquals(new JssParams(Formula.SUCCESS_RATIO, Weighting.TIERED, Rounding.FLOOR, List.of(25_000L, 100_000L),
                2, 2, false), defaults);
        assertEquals(defaults, new JssParams(null, null, null, null, null, null, null).withDefaults());
    }

    @Test
    void withDefaultsKeepsWhatIsSet() {
        JssParams partial = new JssParams(Formula.NET, null, Rounding.HALF_UP, null, 4, null, null);
        assertEquals(new JssParams(Formula.NET, Weighting.TIERED, Rounding.HALF_UP, List.of(25_000L, 100_000L),
                4, 2, false), partial.withDefaults());
    }

    @Test
    void contractRecordFillsTheDocumentedDefaults() {
        ContractRecord record = new ContractRecord("k", "c", ContractStatus.ACTIVE, LocalDate.parse("2025-01-01"), null,
                0L, null, null, null, null, null, null, null);
        assertEquals(List.of(), record.paymentDates());
        assertEquals(DisputeOutcome.NONE, record.disputeOutcome());
        assertFalse(record.clientFlagged());
        assertFalse(record.perkRemovedFromJss());
        assertNull(record.privateRecommend());
        assertNull(record.publicOverall());
    }

    @Test
    void exceptionCarriesItsField() {
        InvalidJssInputException e = new InvalidJssInputException("asOf", "is required");
        assertEquals("asOf", e.field());
        assertTrue(e.getMessage().startsWith("asOf"));
    }
}
