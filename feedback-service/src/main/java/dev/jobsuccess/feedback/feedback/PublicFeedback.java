package dev.jobsuccess.feedback.feedback;

import java.math.BigDecimal;

/**
 * What an author writes for everyone to read once it is revealed. LEGACY_2015 gives six scores and derives the
 * overall from them; STREAMLINED_2025 gives one star value, which is the overall (§d.2 rule 5), and no scores.
 */
public record PublicFeedback(Scores scores, BigDecimal overall, String comment) {

    public static PublicFeedback ofScores(Scores scores, String comment) {
        return new PublicFeedback(scores, scores.overall(), comment);
    }

    public static PublicFeedback ofStars(int stars, String comment) {
        Scores.requireStar("public.stars", stars);
        return new PublicFeedback(null, BigDecimal.valueOf(stars).setScale(2), comment);
    }
}
