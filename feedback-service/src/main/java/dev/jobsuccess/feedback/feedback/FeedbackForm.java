package dev.jobsuccess.feedback.feedback;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.feedback.party.Party;

/**
 * The two feedback forms of domain.md §d.2 rule 8, for both authors. A draft that does not fit the form gets a 400
 * naming the first field that does not fit; nothing of it is stored.
 *
 * <ul>
 *   <li>LEGACY_2015: public part optional (six 1..5 scores, comment); private part required: recommendScore 0..10 and
 *       the author's end reason, plus (client only) a note.</li>
 *   <li>STREAMLINED_2025: public part required (one 1..5 star value, comment); private part required: the author's end
 *       reason, plus (client only) a note; no private rating.</li>
 * </ul>
 */
public final class FeedbackForm {

    public static final int MIN_RECOMMEND = 0;
    public static final int MAX_RECOMMEND = 10;

    private FeedbackForm() {
    }

    /** The submission's two parts (the public one may be null), or a 400 naming what does not fit. */
    public static Accepted accept(FormVersion form, Party author, FeedbackDraft draft) {
        PublicFeedback publicPart = draft.publicPart() == null ? null : acceptPublic(form, draft.publicPart(), "public.");
        if (publicPart == null && form == FormVersion.STREAMLINED_2025) {
            throw ProblemException.badRequest("public", "is required on the " + form + " form: its one rating is public.stars");
        }
        return new Accepted(publicPart, acceptPrivate(form, author, draft.privatePart()));
    }

    /**
     * Mid-contract feedback (§d.2 rule 1, PUB S17): the public part of the form and nothing else. It is public from its
     * submission, so a private part would have nowhere to stay private.
     */
    public static PublicFeedback acceptMidContract(FormVersion form, FeedbackDraft draft) {
        if (draft.privatePart() != null) {
            throw ProblemException.badRequest("private", "is not part of mid-contract feedback, which is public only");
        }
        if (draft.publicPart() == null) {
            throw ProblemException.badRequest("public", "is required: mid-contract feedback is the public part of the " + form + " form");
        }
        return acceptPublic(form, draft.publicPart(), "public.");
    }

    /** A public part on the given form; {@code prefix} is how its fields are named to the caller ("public." or ""). */
    public static PublicFeedback acceptPublic(FormVersion form, FeedbackDraft.PublicDraft draft, String prefix) {
        return switch (form) {
            case LEGACY_2015 -> {
                if (draft.stars() != null) {
                    throw ProblemException.badRequest(prefix + "stars", "is not on the " + form + " form, which rates the six " + prefix + "scores");
                }
                if (draft.scores() == null) {
                    throw ProblemException.badRequest(prefix + "scores", "is required on the " + form + " form");
                }
                yield PublicFeedback.ofScores(draft.scores(), draft.comment());
            }
            case STREAMLINED_2025 -> {
                if (draft.scores() != null) {
                    throw ProblemException.badRequest(prefix + "scores", "is not on the " + form + " form, which has one " + prefix + "stars value");
                }
                if (draft.stars() == null) {
                    throw ProblemException.badRequest(prefix + "stars", "is required on the " + form + " form");
                }
                yield PublicFeedback.ofStars(draft.stars(), draft.comment());
            }
        };
    }

    private static PrivateFeedback acceptPrivate(FormVersion form, Party author, FeedbackDraft.PrivateDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("private", "is required: it carries the end reason" + (form == FormVersion.LEGACY_2015 ? " and the 0..10 rating" : ""));
        }
        Integer recommend = draft.recommendScore();
        if (form == FormVersion.LEGACY_2015) {
            if (recommend == null) {
                throw ProblemException.badRequest("private.recommendScore", "is required on the " + form + " form");
            }
            if (recommend < MIN_RECOMMEND || recommend > MAX_RECOMMEND) {
                throw ProblemException.badRequest("private.recommendScore", "must be between " + MIN_RECOMMEND + " and " + MAX_RECOMMEND);
            }
        } else if (recommend != null) {
            throw ProblemException.badRequest("private.recommendScore", "is not on the " + form + " form, which has no private rating");
        }
        if (draft.endReasonCode() == null) {
            throw ProblemException.badRequest("private.endReasonCode", "is required");
        }
        if (!draft.endReasonCode().mayBeChosenBy(author)) {
            throw ProblemException.badRequest("private.endReasonCode", draft.endReasonCode() + " is not a " + author.name().toLowerCase() + "'s reason");
        }
        if (draft.note() != null && author != Party.CLIENT) {
            throw ProblemException.badRequest("private.note", "is not on the freelancer's form");
        }
        return new PrivateFeedback(recommend, draft.endReasonCode(), draft.note());
    }

    public record Accepted(PublicFeedback publicPart, PrivateFeedback privatePart) {}
}
