package dev.jobsuccess.jss.advisor;

import static dev.jobsuccess.jss.advisor.Cases.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.Window;

class FirstScoreTest {

    /** EX-1: A $500 rec 9 (COUNTED, 2025-05-10), B $0 without feedback (EXCLUDED_NO_FEEDBACK, 2025-05-20). */
    private static final JssRequest EX1 = Cases.example("examples/ex01a-brief-sample-below-minimum.json");

    @Test
    void oneContractFromOneClientIsMissingInEveryWindow() {
        FirstScore.Answer answer = FirstScore.of(EX1);
        assertNull(answer.jss());
        assertEquals(List.of(
                        "W24 2023-07-01 false 1 1 1 1 [A] []", "W12 2024-07-01 false 1 1 1 1 [A] []",
                        "W6 2025-01-01 false 1 1 1 1 [A] []", "W3 2025-04-01 false 1 1 1 1 [A] []"),
                answer.windows().stream().map(FirstScoreTest::describe).toList());
        assertEquals(List.of(Inclusion.COUNTED, Inclusion.EXCLUDED_NO_FEEDBACK),
                answer.contracts().stream().map(FirstScore.ContractCount::inclusion).toList());
    }

    @Test
    void addingCMakesEveryWindowComputable() {
        JssRequest withC = new JssRequest(EX1.asOf(), null, List.of(EX1.contracts().get(0), EX1.contracts().get(1),
                Cases.ended("C", "2025-06-15", 30_000, 10)));
        FirstScore.Answer answer = FirstScore.of(withC);
        assertEquals(100, answer.jss());
        assertEquals("W3 2025-04-01 true 2 2 0 0 [A, C] []", describe(answer.windows().get(3)));
    }

    @Test
    void aContractThePrivateFeedbackDecidesIsNeitherCountedNorMissing() {
        FirstScore.Answer answer = FirstScore.of(EX1, Set.of("A"));
        assertNull(answer.jss());
        assertEquals("W24 2023-07-01 null 0 0 2 2 [] [A]", describe(answer.windows().getFirst()));
        assertNull(answer.contracts().getFirst().inclusion());
        assertEquals(List.of(Window.W24, Window.W12, Window.W6, Window.W3), answer.contracts().getFirst().windows());
    }

    private static String describe(FirstScore.WindowNeed w) {
        return w.window() + " " + w.firstDay() + " " + w.computable() + " " + w.countedContracts() + " " + w.distinctClients()
                + " " + w.missingContracts() + " " + w.missingClients() + " " + w.countedContractIds() + " "
                + w.undecidedContractIds();
    }

    @Test
    void windowStartsAreTheEnginesReading() {
        assertEquals(date("2023-07-01"), FirstScore.of(EX1).windows().getFirst().firstDay());
    }
}
