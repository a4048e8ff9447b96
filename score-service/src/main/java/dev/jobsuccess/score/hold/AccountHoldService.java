package dev.jobsuccess.score.hold;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.scoring.ChangeCause;
import dev.jobsuccess.score.scoring.Recomputer;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreRows;
import dev.jobsuccess.score.scoring.Trigger;

/**
 * Places and lifts account holds. A change re-evaluates the freelancer's badges at once (announced by score-changed when
 * they move), as the daily snapshot would the next morning: an operator who places a hold expects Top Rated to go now.
 */
@ApplicationScoped
public class AccountHoldService {

    public static final String PLACED = "account-hold.placed";
    public static final String LIFTED = "account-hold.lifted";

    private final ScoreModel model;
    private final ScoreRows scoreRows;
    private final Recomputer recomputer;
    private final Clock clock;

    AccountHoldService(ScoreModel model, ScoreRows scoreRows, Recomputer recomputer, Clock clock) {
        this.model = model;
        this.scoreRows = scoreRows;
        this.recomputer = recomputer;
        this.clock = clock;
    }

    /**
     * The freelancer's hold from now until {@code until} (null: until lifted). A hold already running gets the new end
     * and reason, so repeating the request changes nothing.
     */
    @Transactional
    public AccountHold place(String freelancerId, Instant until, String reason, String operator) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw ProblemException.badRequest("until", "must be after now (" + now + "), or omitted for a hold until lifted");
        }
        // One change at a time per freelancer, and in the order of their recomputes.
        scoreRows.lock(new TreeSet<>(List.of(freelancerId)), now);
        AccountHold running = AccountHold.runningAt(freelancerId, now);
        AccountHold hold;
        if (running != null) {
            running.extend(until, reason);
            hold = running;
        } else {
            hold = AccountHold.place(freelancerId, now, until, reason, operator);
        }
        reevaluate(freelancerId, hold, PLACED, now);
        return hold;
    }

    /** Ends the running hold now; without one, nothing changes. */
    @Transactional
    public AccountHold lift(String freelancerId, String operator) {
        Instant now = clock.instant();
        scoreRows.lock(new TreeSet<>(List.of(freelancerId)), now);
        AccountHold running = AccountHold.runningAt(freelancerId, now);
        if (running == null) {
            return null;
        }
        running.lift(now, operator);
        reevaluate(freelancerId, running, LIFTED, now);
        return running;
    }

    @Transactional
    public List<AccountHold> holds(String freelancerId) {
        return AccountHold.of(freelancerId);
    }

    private void reevaluate(String freelancerId, AccountHold hold, String change, Instant now) {
        if (!model.schedule().recomputesOnEvents()) {
            return; // A biweekly schedule evaluates badges at its next snapshot only.
        }
        LocalDate today = model.effectiveDate(FactLoader.utcDate(now));
        recomputer.recompute(List.of(freelancerId), today, Recomputer.Mode.SNAPSHOT,
                f -> new ChangeCause(Trigger.EVENT, hold.holdId, change, null));
    }
}
