package dev.jobsuccess.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.feedback.EndReason;
import dev.jobsuccess.feedback.feedback.FeedbackDraft;
import dev.jobsuccess.feedback.feedback.FeedbackForm;
import dev.jobsuccess.feedback.feedback.FormVersion;
import dev.jobsuccess.feedback.feedback.Scores;
import dev.jobsuccess.feedback.flag.ClientFlagRule;
import dev.jobsuccess.feedback.flag.ClientFlagRule.Assessment;
import dev.jobsuccess.feedback.flag.FlagReason;
import dev.jobsuccess.feedback.party.Party;

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
    void theClientFlagNeedsThreeFreelancersAndHalfOfThemNegative() {
        ClientFlagRule rule = new ClientFlagRule(3, 50);
        Assessment good = new Assessment("f-good", 9, new BigDecimal("4.50"));
        Assessment badPrivate = new Assessment("f-bad-private", 6, new BigDecimal("5.00"));
        Assessment badPublic = new Assessment("f-bad-public", 10, new BigDecimal("3.49"));
        Assessment neutral = new Assessment("f-neutral", 7, new BigDecimal("3.50"));
        Assessment starsOnly = new Assessment("f-stars", null, new BigDecimal("3.00"));

        assertTrue(badPrivate.negative(), "private 6 is negative");
        assertTrue(badPublic.negative(), "public 3.49 is negative whatever the private rating");
        assertFalse(neutral.negative(), "private 7 and public 3.50 are neutral, not negative");
        assertTrue(starsOnly.negative(), "STREAMLINED_2025: the public value alone decides");
        assertFalse(good.negative());

        assertEquals(new ClientFlagRule.Evaluation(false, FlagReason.NONE, 2, 2), rule.evaluate(List.of(badPrivate, badPublic), false));
        assertEquals(new ClientFlagRule.Evaluation(true, FlagReason.POOR_COLLABORATION, 3, 2),
                rule.evaluate(List.of(badPrivate, badPublic, good), false));
        assertEquals(new ClientFlagRule.Evaluation(true, FlagReason.POOR_COLLABORATION, 4, 2),
                rule.evaluate(List.of(badPrivate, badPublic, good, neutral), false), "exactly 50% flags");
        assertEquals(new ClientFlagRule.Evaluation(false, FlagReason.NONE, 5, 2),
                rule.evaluate(List.of(badPrivate, badPublic, good, neutral, new Assessment("f-5", 10, null)), false));
        assertEquals(new ClientFlagRule.Evaluation(true, FlagReason.CLIENT_SUSPENDED, 0, 0), rule.evaluate(List.of(), true));
        assertEquals(FlagReason.CLIENT_SUSPENDED, rule.evaluate(List.of(badPrivate, badPublic, good), true).reason(),
                "a suspension is the reason even when the feedback would flag too");
    }

    @Test
    void theLegacyFormTakesSixScoresAndARatingTheStreamlinedFormOneStarValueAndNoRating() {
        var scores = new Scores(4, 4, 4, 4, 4, 5);
        var reason = EndReason.JOB_COMPLETED_SUCCESSFULLY;

        var legacy = FeedbackForm.accept(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(
                new FeedbackDraft.PublicDraft(scores, null, "ok"), new FeedbackDraft.PrivateDraft(8, reason, "n")));
        assertEquals(new BigDecimal("4.17"), legacy.publicPart().overall());
        assertEquals(8, legacy.privatePart().recommendScore());
        var privateOnly = FeedbackForm.accept(FormVersion.LEGACY_2015, Party.FREELANCER, new FeedbackDraft(
                null, new FeedbackDraft.PrivateDraft(3, EndReason.CLIENT_NOT_RESPONSIVE, null)));
        assertNull(privateOnly.publicPart());

        var streamlined = FeedbackForm.accept(FormVersion.STREAMLINED_2025, Party.CLIENT, new FeedbackDraft(
                new FeedbackDraft.PublicDraft(null, 3, null), new FeedbackDraft.PrivateDraft(null, reason, "note")));
        assertEquals(new BigDecimal("3.00"), streamlined.publicPart().overall());
        assertNull(streamlined.publicPart().scores());
        assertNull(streamlined.privatePart().recommendScore());

        record Refused(FormVersion form, Party author, FeedbackDraft draft, String field) {}
        for (Refused r : List.of(
                new Refused(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(null, new FeedbackDraft.PrivateDraft(null, reason, null)), "private.recommendScore"),
                new Refused(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(null, new FeedbackDraft.PrivateDraft(11, reason, null)), "private.recommendScore"),
                new Refused(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(new FeedbackDraft.PublicDraft(null, 4, null),
                        new FeedbackDraft.PrivateDraft(9, reason, null)), "public.stars"),
                new Refused(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(null, null), "private"),
                new Refused(FormVersion.LEGACY_2015, Party.CLIENT, new FeedbackDraft(null, new FeedbackDraft.PrivateDraft(9, null, null)), "private.endReasonCode"),
                new Refused(FormVersion.LEGACY_2015, Party.FREELANCER, new FeedbackDraft(null, new FeedbackDraft.PrivateDraft(9, reason, "x")), "private.note"),
                new Refused(FormVersion.LEGACY_2015, Party.FREELANCER, new FeedbackDraft(null,
                        new FeedbackDraft.PrivateDraft(9, EndReason.FREELANCER_LACKED_SKILLS, null)), "private.endReasonCode"),
                new Refused(FormVersion.STREAMLINED_2025, Party.CLIENT, new FeedbackDraft(new FeedbackDraft.PublicDraft(null, 4, null),
                        new FeedbackDraft.PrivateDraft(9, reason, null)), "private.recommendScore"),
                new Refused(FormVersion.STREAMLINED_2025, Party.CLIENT, new FeedbackDraft(new FeedbackDraft.PublicDraft(scores, null, null),
                        new FeedbackDraft.PrivateDraft(null, reason, null)), "public.scores"),
                new Refused(FormVersion.STREAMLINED_2025, Party.CLIENT, new FeedbackDraft(null,
                        new FeedbackDraft.PrivateDraft(null, reason, null)), "public"),
                new Refused(FormVersion.STREAMLINED_2025, Party.CLIENT, new FeedbackDraft(new FeedbackDraft.PublicDraft(null, 0, null),
                        new FeedbackDraft.PrivateDraft(null, reason, null)), "public.stars"))) {
            var e = assertThrows(ProblemException.class, () -> FeedbackForm.accept(r.form(), r.author(), r.draft()), r.toString());
            assertEquals(r.field(), e.problem().errors().getFirst().field(), r.toString());
        }
    }
}
