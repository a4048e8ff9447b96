package dev.jobsuccess.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void badRequestNamesTheField() {
        Problem p = ProblemException.badRequest("private.recommendScore", "must be at most 10").problem();
        assertEquals(400, p.status());
        assertEquals("INVALID_REQUEST", p.code());
        assertEquals("urn:jobsuccess:problem:invalid-request", p.type());
        assertEquals(List.of(new Problem.FieldError("private.recommendScore", "must be at most 10")), p.errors());
    }

    @Test
    void conflictCarriesItsCodeAndNoFieldList() {
        Problem p = ProblemException.conflict("WINDOW_CLOSED", "the feedback window closed").problem();
        assertEquals(409, p.status());
        assertEquals("urn:jobsuccess:problem:window-closed", p.type());
        assertNull(p.errors());
        assertEquals("/contracts/1/feedback", p.withInstance("/contracts/1/feedback").instance());
    }
}
