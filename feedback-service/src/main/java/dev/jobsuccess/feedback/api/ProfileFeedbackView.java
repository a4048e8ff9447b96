package dev.jobsuccess.feedback.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.feedback.FormVersion;
import dev.jobsuccess.feedback.profile.ProfilePage;

/**
 * A page of a freelancer's public profile feedback: public parts and the freelancer's replies only, newest reveal first,
 * and the total count.
 */
public record ProfileFeedbackView(List<Item> items, long total, int page, int size) {

    /** {@code midContract}: given while the contract ran (§d.2 rule 1), not at its end. */
    public record Item(String feedbackId, String contractId, String clientId, FormVersion formVersion, boolean midContract,
                       Instant submittedAt, Instant revealedAt, Instant publicEditedAt,
                       @JsonProperty("public") FeedbackView.PublicPart publicPart, FeedbackView.Reply reply) {

        static Item of(Feedback f) {
            // Removed feedback is never on the profile (visibleOnProfile), so everything listed here is shown whole.
            return new Item(f.id.toString(), f.contractId, f.authorId, f.formVersion, f.midContract, f.submittedAt, f.revealedAt,
                    f.publicEditedAt, FeedbackView.PublicPart.of(f.publicPart()), FeedbackView.Reply.of(f, true));
        }
    }

    static ProfileFeedbackView of(ProfilePage p) {
        return new ProfileFeedbackView(p.items().stream().map(Item::of).toList(), p.total(), p.page(), p.size());
    }
}
