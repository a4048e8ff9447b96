package dev.jobsuccess.jss;

import static dev.jobsuccess.jss.Fixtures.contract;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    @Test
    void privateClassBoundaries() {
        assertEquals(Satisfaction.POSITIVE, Classifier.privateClass(10));
        assertEquals(Satisfaction.POSITIVE, Classifier.privateClass(9));
        assertEquals(Satisfaction.NEUTRAL, Classifier.privateClass(8));
        assertEquals(Satisfaction.NEUTRAL, Classifier.privateClass(7));
        assertEquals(Satisfaction.NEGATIVE, Classifier.privateClass(6));
        assertEquals(Satisfaction.NEGATIVE, Classifier.privateClass(0));
    }

    @Test
    void publicClassComparesTheExactDecimal() {
        assertEquals(Satisfaction.POSITIVE, Classifier.publicClass(new BigDecimal("4.5")));
        assertEquals(Satisfaction.NEUTRAL, Classifier.publicClass(new BigDecimal("4.499")));
        assertEquals(Satisfaction.NEUTRAL, Classifier.publicClass(new BigDecimal("3.5000")));
        assertEquals(Satisfaction.NEGATIVE, Classifier.publicClass(new BigDecimal("3.4999")));
    }

    @Test
    void satisfactionIsTheWorstClassThatExists() {
        assertEquals(Satisfaction.NONE, Classifier.satisfaction(contract("a").recommend(null).build()));
        assertEquals(Satisfaction.NEUTRAL,
                Classifier.satisfaction(contract("a").recommend(10).publicOverall("4.00").build()));
        assertEquals(Satisfaction.NEGATIVE, Classifier.satisfaction(
                contract("a").recommend(10).publicOverall("5.00").reason(EndReason.FREELANCER_UNRESPONSIVE).build()));
        assertEquals(Satisfaction.NEUTRAL,
                Classifier.satisfaction(contract("a").recommend(null).dispute(DisputeOutcome.SPLIT).build()));
        assertEquals(Satisfaction.NONE, Classifier.satisfaction(contract("a").recommend(null)
                .reason(EndReason.JOB_COMPLETED_SUCCESSFULLY).dispute(DisputeOutcome.FREELANCER_WON).build()));
    }
}
