package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;

class LongTermContractsTest {

    /**
     * L1: open since 2025-01-01, $3,000, paid 02-01, 04-15, 06-20. On 2025-07-01 (181 days) two full periods
     * ([01-01, 04-01), [04-01, 06-30)) each hold a payment: eligible, weight 6 + 2 × 4 = 14 q, SUCCESS (no feedback).
     * E1 $500 rec 10 (5 q SUCCESS), E2 $500 rec 3 (5 q NEGATIVE). Score 19/24 → 79.
     */
    private static final JssRequest REQUEST = new JssRequest(date("2025-07-01"), null, List.of(
            Cases.ended("E1", "2025-05-01", 50_000, 10),
            Cases.ended("E2", "2025-06-01", 50_000, 3),
            new ContractRecord("L1", "c-l1", ContractStatus.ACTIVE, date("2025-01-01"), null, 300_000L,
                    List.of(date("2025-02-01"), date("2025-04-15"), date("2025-06-20")), null, null, null, null, null, null)));

    @Test
    void keepingItOpenKeepsTheBonus() {
        List<LongTermContracts.OpenContract> open = LongTermContracts.of(REQUEST,
                (records, asOf) -> Estimate.exact(JssEngine.compute(new JssRequest(asOf, null, records)), null));
        assertEquals(1, open.size());
        LongTermContracts.OpenContract l1 = open.getFirst();
        assertTrue(l1.longTermEligible());
        assertEquals(Inclusion.COUNTED, l1.inclusion());
        assertEquals(14, l1.weightQ());
        assertEquals(2, l1.fullPeriods());
        assertEquals(2, l1.paidPeriods());
        assertEquals(181, l1.daysOpen());
        assertEquals(date("2025-06-20"), l1.latestPayment());
        // The running period [06-30, 09-28) holds no payment yet; the last payment keeps it eligible 90 days, to 09-18.
        assertEquals(date("2025-09-28"), l1.currentPeriodEnds());
        assertFalse(l1.currentPeriodPaid());
        assertEquals(date("2025-09-18"), l1.countsUntil());
        assertEquals(79, l1.now().jss());
        // Closed today without feedback, it stops counting: 5/10 → 50.
        assertEquals(50, l1.ifClosedToday().jss());
        assertEquals(-29, l1.difference());
    }
}
