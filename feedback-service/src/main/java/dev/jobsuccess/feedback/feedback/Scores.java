package dev.jobsuccess.feedback.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.jobsuccess.commons.problem.ProblemException;

/** The six public 1..5 ratings of the LEGACY_2015 form. */
public record Scores(int skills, int quality, int availability, int deadlines, int communication, int cooperation) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public Scores {
        requireStar("public.scores.skills", skills);
        requireStar("public.scores.quality", quality);
        requireStar("public.scores.availability", availability);
        requireStar("public.scores.deadlines", deadlines);
        requireStar("public.scores.communication", communication);
        requireStar("public.scores.cooperation", cooperation);
    }

    /** The mean of the six scores, rounded half-up to 2 decimals (domain.md §d.2.5). */
    public BigDecimal overall() {
        int sum = skills + quality + availability + deadlines + communication + cooperation;
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP);
    }

    static void requireStar(String field, int value) {
        if (value < MIN || value > MAX) {
            throw ProblemException.badRequest(field, "must be between " + MIN + " and " + MAX);
        }
    }
}
