package dev.jobsuccess.feedback.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.feedback.config.FeedbackConfig;

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
    private final FeedbackConfig config;
    private final ClientFlagService clientFlags;
    private final FeedbackService feedback;

    FeedbackWindowService(Clock clock, FeedbackConfig config, ClientFlagService clientFlags, FeedbackService feedback) {
        this.clock = clock;
        this.config = config;
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
        FeedbackWindow window = FeedbackWindow.openFor(closed, config.windowDays(), now);
        // The window's end is this service's rule (§d.2); a producer that disagrees is a bug to surface, not to follow.
        if (closed.announcedClosesAt() != null && !closed.announcedClosesAt().equals(window.closesAt)) {
            LOG.warnf("contract-closed %s announces the window of contract %s closing at %s; the rule gives %s, which is kept",
                    closed.eventId(), closed.contractId(), closed.announcedClosesAt(), window.closesAt);
        }
        window.persist();
        // An adjustment that overtook this close is newer and stays.
        ContractEarnings.record(closed.contractId(), closed.netEarningsCents(), closed.endedAt(),
                ContractEarnings.Source.CONTRACT_CLOSED, now);
        if (closed.clientSuspended()) {
            clientFlags.suspended(closed.clientId(), closed.freelancerId(), now);
        }
        LOG.infof("feedback window of contract %s open until %s", window.contractId, window.closesAt);
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
