package dev.jobsuccess.feedback.window;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.jobsuccess.feedback.feedback.FeedbackService;

/**
 * Closes feedback windows once their closing instant has passed, by the injectable clock: reveals what one party left
 * alone (WINDOW_EXPIRED) and publishes feedback-window-closed. A round handles every due window, so a service that was
 * down catches up at its first round. Each window is taken with {@code FOR UPDATE SKIP LOCKED} and marked handled in the
 * same transaction, so replicas running the timer at once share the work and never handle a window twice.
 */
@ApplicationScoped
public class WindowCloseTimer {

    private static final Logger LOG = Logger.getLogger(WindowCloseTimer.class);

    private final EntityManager em;
    private final Clock clock;
    private final FeedbackService feedback;

    WindowCloseTimer(EntityManager em, Clock clock, FeedbackService feedback) {
        this.em = em;
        this.clock = clock;
        this.feedback = feedback;
    }

    /** Set at shutdown: a round started then would meet a closing database and log a false alarm. */
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(identity = "feedback-window-close", every = "${jobsuccess.feedback.timer-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (stopping) {
            return;
        }
        try {
            closeDueWindows();
        } catch (RuntimeException e) {
            LOG.warnf("window-close round failed (%s); the next round retries", e.toString());
        }
    }

    /** Handles every window due now, one transaction each; returns how many this call handled. */
    public int closeDueWindows() {
        List<String> failed = new ArrayList<>();
        int handled = 0;
        while (true) {
            String[] taken = new String[1];
            try {
                boolean more = QuarkusTransaction.requiringNew().call(() -> {
                    // The clock is read per window: a long round must not close a window by an instant already past.
                    Instant now = clock.instant();
                    taken[0] = nextDue(now, failed);
                    if (taken[0] == null) {
                        return false;
                    }
                    feedback.closeWindow(FeedbackWindow.findById(taken[0]), now);
                    return true;
                });
                if (!more) {
                    return handled;
                }
                handled++;
            } catch (RuntimeException e) {
                if (taken[0] == null) {
                    throw e;
                }
                // One window that cannot be closed must not hold up the others; it is tried again next round.
                LOG.errorf(e, "could not close the feedback window of contract %s", taken[0]);
                failed.add(taken[0]);
            }
        }
    }

    /** Locks and returns the oldest due window no one else holds, or null when there is none. */
    private String nextDue(Instant now, List<String> skip) {
        var query = em.createNativeQuery("SELECT contract_id FROM feedback_window"
                + " WHERE close_handled_at IS NULL AND closes_at < ?1"
                + (skip.isEmpty() ? "" : " AND contract_id NOT IN (?2)")
                + " ORDER BY closes_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now));
        if (!skip.isEmpty()) {
            query.setParameter(2, skip);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
