package dev.jobsuccess.feedback.window;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.feedback.feedback.FeedbackService;
import dev.jobsuccess.feedback.flag.ClientFlagService;
import dev.jobsuccess.feedback.opencontract.OpenContract;

/**
 * Applies contract-service's events (each once: the inbound path's inbox drops redeliveries): contract-closed opens a
 * feedback window (and flags a suspended client), contract-earnings-adjusted moves the contract's net earnings and with
 * them its feedback's profile visibility.
 */
@ApplicationScoped
public class FeedbackWindowService {

    /** This service's name in the inbox: its record of which events it has applied. */
    public static final String CONSUMER = "feedback-service";

    private static final Logger LOG = Logger.getLogger(FeedbackWindowService.class);

    private final Clock clock;
    private final ClientFlagService clientFlags;
    private final FeedbackService feedback;

    FeedbackWindowService(Clock clock, ClientFlagService clientFlags, FeedbackService feedback) {
        this.clock = clock;
        this.clientFlags = clientFlags;
        this.feedback = feedback;
    }

    /** Opens the contract's window; true when this call opened it, false for a redelivered or repeated close. */
    @Transactional
    public boolean open(ClosedContract closed) {
        // A second close of one contract under a new event id is a producer fault; the first close stands.
        if (FeedbackWindow.findById(closed.contractId()) != null) {
            LOG.warnf("contract-closed %s: contract %s already has a feedback window; event ignored",
                    closed.eventId(), closed.contractId());
            return false;
        }
        Instant now = clock.instant();
        // First, as a mid-contract submission locks this row first too: the two queue, and the submission either comes
        // before the end (its feedback's visibility is recomputed below) or sees the contract ended.
        OpenContract.ended(closed.contractId(), closed.endedAt(), now);
        // The window closes when contract-service said it does, however late the event arrives: a delivery delayed by
        // an outage must not shorten anyone's time to leave feedback.
        FeedbackWindow window = FeedbackWindow.openFor(closed, now);
        window.persist();
        // An adjustment that overtook this close is newer and stays.
        ContractEarnings.record(closed.contractId(), closed.netEarningsCents(), closed.endedAt(),
                ContractEarnings.Source.CONTRACT_CLOSED, now);
        // Mid-contract feedback given while the contract ran now follows the earnings at the close (§d.2 rule 4).
        feedback.earningsChanged(closed.contractId(), ContractEarnings.of(closed.contractId(), closed.netEarningsCents()));
        if (closed.clientSuspended()) {
            clientFlags.suspended(closed.clientId(), closed.freelancerId(), now);
        }
        if (window.acceptsSubmissionsAt(now)) {
            LOG.infof("feedback window of contract %s open until %s", window.contractId, window.closesAt);
        } else {
            // Delivered after its window had closed: the parties were owed feedback until the announced instant, which
            // is past, so none is accepted now (409 WINDOW_CLOSED, as for anyone who came after the close). The contract
            // is still recorded like any other (its parties, earnings, a suspended client's flag), and the timer's next
            // round announces the close as of the carried instant, so score-service learns that "no feedback" is final.
            LOG.warnf("contract-closed %s arrived at %s, after the feedback window of contract %s closed at %s; recorded as closed",
                    closed.eventId(), now, window.contractId, window.closesAt);
        }
        return true;
    }

    /**
     * Records the contract's new net earnings unless a later value is already known, and updates whether its revealed
     * feedback shows on the profile. True when this event's value is now the contract's.
     */
    @Transactional
    public boolean earningsAdjusted(EarningsAdjustment adjustment) {
        // Queue behind submissions and the timer of this contract, which read the earnings to reveal.
        FeedbackWindow window = FeedbackWindow.findById(adjustment.contractId(), LockModeType.PESSIMISTIC_WRITE);
        boolean applied = ContractEarnings.record(adjustment.contractId(), adjustment.netEarningsCents(), adjustment.occurredAt(),
                ContractEarnings.Source.EARNINGS_ADJUSTED, clock.instant());
        if (!applied) {
            LOG.infof("contract-earnings-adjusted %s for contract %s is older than the value already known; ignored",
                    adjustment.eventId(), adjustment.contractId());
            return false;
        }
        if (window != null) {
            feedback.earningsChanged(adjustment.contractId(), adjustment.netEarningsCents());
        }
        LOG.infof("net earnings of contract %s are %d cents as of %s", adjustment.contractId(), adjustment.netEarningsCents(),
                adjustment.occurredAt());
        return true;
    }
}
