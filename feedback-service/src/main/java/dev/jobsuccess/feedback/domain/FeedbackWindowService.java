package dev.jobsuccess.feedback.domain;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.commons.inbox.Inbox;
import dev.jobsuccess.feedback.config.FeedbackConfig;

/** Opens feedback windows from contract-closed events, each event applied exactly once. */
@ApplicationScoped
public class FeedbackWindowService {

    /** This service's name in the inbox: its record of which events it has applied. */
    public static final String CONSUMER = "feedback-service";

    private static final Logger LOG = Logger.getLogger(FeedbackWindowService.class);

    private final Inbox inbox;
    private final Clock clock;
    private final FeedbackConfig config;

    FeedbackWindowService(Inbox inbox, Clock clock, FeedbackConfig config) {
        this.inbox = inbox;
        this.clock = clock;
        this.config = config;
    }

    /** Opens the contract's window; true when this call opened it, false for a redelivered or repeated close. */
    @Transactional
    public boolean open(ClosedContract closed) {
        if (!inbox.firstDelivery(CONSUMER, closed.eventId(), closed.eventType())) {
            LOG.debugf("contract-closed %s for contract %s already applied", closed.eventId(), closed.contractId());
            return false;
        }
        // A second close of one contract under a new event id is a producer fault; the first close stands.
        if (FeedbackWindow.findById(closed.contractId()) != null) {
            LOG.warnf("contract-closed %s: contract %s already has a feedback window; event ignored",
                    closed.eventId(), closed.contractId());
            return false;
        }
        FeedbackWindow window = FeedbackWindow.openFor(closed, config.windowDays(), clock.instant());
        // The window's end is this service's rule (§d.2); a producer that disagrees is a bug to surface, not to follow.
        if (closed.announcedClosesAt() != null && !closed.announcedClosesAt().equals(window.closesAt)) {
            LOG.warnf("contract-closed %s announces the window of contract %s closing at %s; the rule gives %s, which is kept",
                    closed.eventId(), closed.contractId(), closed.announcedClosesAt(), window.closesAt);
        }
        window.persist();
        LOG.infof("feedback window of contract %s open until %s", window.contractId, window.closesAt);
        return true;
    }
}
