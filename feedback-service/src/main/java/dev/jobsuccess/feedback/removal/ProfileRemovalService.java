package dev.jobsuccess.feedback.removal;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.feedback.feedback.Feedback;
import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.FeedbackWindow;

/**
 * Applies score-service's feedback-removal decisions (each once: the inbound path's inbox drops redeliveries, and a
 * request is recorded once by its id). An accepted JSS_AND_PROFILE removal hides the client's end-of-contract public
 * rating and comment from the profile; refused requests and JSS_ONLY change nothing here (score-service owns the JSS
 * side). The private feedback is untouched.
 */
@ApplicationScoped
public class ProfileRemovalService {

    private static final Logger LOG = Logger.getLogger(ProfileRemovalService.class);

    public enum Outcome {
        /** Refused, or JSS_ONLY: nothing to hide. */
        NOTHING_TO_HIDE,
        /** The client's feedback is hidden from the profile (or already was). */
        HIDDEN,
        /** The client has not written their feedback yet: it is hidden when they do. */
        REMEMBERED,
        /** The contract is another freelancer's: the decision contradicts what this service knows. */
        CONTRADICTS_CONTRACT
    }

    private final Clock clock;

    ProfileRemovalService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Outcome decided(RemovalDecision decision) {
        if (!decision.hidesProfileFeedback()) {
            LOG.infof("feedback removal %s on contract %s (%s, accepted=%s) leaves the profile as it is", decision.requestId(),
                    decision.contractId(), decision.mode(), decision.accepted());
            return Outcome.NOTHING_TO_HIDE;
        }
        // Queue behind submissions and the timer of this contract, which write the client's feedback and its visibility.
        FeedbackWindow window = FeedbackWindow.findById(decision.contractId(), LockModeType.PESSIMISTIC_WRITE);
        if (window != null && !window.freelancerId.equals(decision.freelancerId())) {
            return Outcome.CONTRADICTS_CONTRACT;
        }
        Instant now = clock.instant();
        ProfileRemoval.record(decision, now);
        // The perk is for ended contracts: before its window opens there is no end-of-contract feedback to hide.
        Feedback feedback = window == null ? null : Feedback.endOfContract(decision.contractId(), Party.CLIENT);
        if (feedback == null) {
            LOG.infof("feedback removal %s: the client's feedback on contract %s is not written yet; hidden when it is",
                    decision.requestId(), decision.contractId());
            return Outcome.REMEMBERED;
        }
        feedback.removeFromProfile(decision.decidedAt());
        LOG.infof("feedback removal %s: the client's public feedback on contract %s is off the profile", decision.requestId(),
                decision.contractId());
        return Outcome.HIDDEN;
    }
}
