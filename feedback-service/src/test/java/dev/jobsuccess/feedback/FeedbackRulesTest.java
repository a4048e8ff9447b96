package dev.jobsuccess.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.domain.FeedbackWindow;
import dev.jobsuccess.feedback.domain.Scores;

/** The pure rules of domain.md §d.2, without booting the service. */
class FeedbackRulesTest {

    @Test
    void overallIsTheMeanRoundedHalfUpToTwoDecimals() {
        assertEquals(new BigDecimal("4.83"), new Scores(5, 5, 5, 5, 5, 4).overall());
        assertEquals(new BigDecimal("1.17"), new Scores(1, 1, 1, 1, 1, 2).overall(), "7/6 = 1.1666… rounds up");
        assertEquals(new BigDecimal("3.50"), new Scores(3, 4, 3, 4, 3, 4).overall());
        assertEquals(new BigDecimal("5.00"), new Scores(5, 5, 5, 5, 5, 5).overall());
        assertEquals(new BigDecimal("1.00"), new Scores(1, 1, 1, 1, 1, 1).overall());
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        var e = assertThrows(ProblemException.class, () -> new Scores(5, 5, 0, 5, 5, 5));
        assertEquals("public.scores.availability", e.problem().errors().getFirst().field());
        assertThrows(ProblemException.class, () -> new Scores(5, 5, 5, 5, 5, 6));
    }

    @Test
    void theWindowClosesAtTheLastMillisecondOfTheLastDayAfterTheEndDate() {
        assertEquals(Instant.parse("2025-05-24T23:59:59.999Z"), FeedbackWindow.closesAtFor(Instant.parse("2025-05-10T14:00:00Z"), 14));
        assertEquals(Instant.parse("2025-05-24T23:59:59.999Z"), FeedbackWindow.closesAtFor(Instant.parse("2025-05-10T00:00:00Z"), 14));
        assertEquals(Instant.parse("2025-05-24T23:59:59.999Z"), FeedbackWindow.closesAtFor(Instant.parse("2025-05-10T23:59:59.999Z"), 14));
        assertEquals(Instant.parse("2025-03-14T23:59:59.999Z"), FeedbackWindow.closesAtFor(Instant.parse("2025-02-28T10:00:00Z"), 14),
                "calendar days across a month end");
        assertEquals(Instant.parse("2025-05-17T23:59:59.999Z"), FeedbackWindow.closesAtFor(Instant.parse("2025-05-10T14:00:00Z"), 7),
                "a configured length");
    }
}
