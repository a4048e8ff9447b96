package dev.jobsuccess.score.removal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.score.facts.ContractFacts;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.facts.FreelancerFacts;
import dev.jobsuccess.score.messaging.FeedbackRemovalDecidedEvent;
import dev.jobsuccess.score.scoring.ChangeCause;
import dev.jobsuccess.score.scoring.Recomputer;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreRow;
import dev.jobsuccess.score.scoring.ScoreRows;
import dev.jobsuccess.score.scoring.Trigger;
import dev.jobsuccess.score.scoring.Visibility;

/**
 * The legacy Top Rated feedback-removal perk (domain.md §d.3.8), behind feedback_removal_perk_enabled. A
 * request is decided at once by the rules and the decision kept; an accepted removal leaves the score only
 * if that raises the displayed score; otherwise the contract is "kept in JSS" (the request still counts). Every
 * decision is published (feedback-removal-decided, with it in one transaction): feedback-service hides the profile
 * feedback of an accepted JSS_AND_PROFILE request.
 */
@ApplicationScoped
public class FeedbackRemovalService {

    public static final String ACCEPTED = "ACCEPTED";

    private final ScoreConfig config;
    private final ScoreModel model;
    private final FactLoader loader;
    private final ScoreRows scoreRows;
    private final Recomputer recomputer;
    private final Outbox outbox;
    private final Clock clock;

    FeedbackRemovalService(ScoreConfig config, ScoreModel model, FactLoader loader, ScoreRows scoreRows, Recomputer recomputer,
                           Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.model = model;
        this.loader = loader;
        this.scoreRows = scoreRows;
        this.recomputer = recomputer;
        this.clock = clock;
    }

    @Transactional
    public FeedbackRemoval request(String freelancerId, String contractId, RemovalMode mode) {
        if (!config.feedbackRemovalPerkEnabled()) {
            throw ProblemException.conflict("FEEDBACK_REMOVAL_DISABLED",
                    "the feedback-removal perk ended on " + config.perk().sunsetDate()
                            + " and is off here (jobsuccess.score.feedback-removal-perk-enabled=false)");
        }
        Instant now = clock.instant();
        LocalDate today = model.effectiveDate(FactLoader.utcDate(now));
        // One decision at a time per freelancer: the "previous request" rules read what the last one decided.
        ScoreRow row = scoreRows.lock(new TreeSet<>(List.of(freelancerId)), now).get(freelancerId);
        FreelancerFacts facts = loader.load(List.of(freelancerId), today).get(freelancerId);
        ContractFacts contract = facts.contract(contractId);
        if (contract == null) {
            throw ProblemException.notFound("contract of freelancer " + freelancerId, contractId);
        }
        List<FeedbackRemoval> earlier = FeedbackRemoval.ofFreelancer(freelancerId);
        if (earlier.stream().anyMatch(r -> r.accepted && r.contractId.equals(contractId))) {
            throw ProblemException.conflict("ALREADY_REMOVED", "a removal of contract " + contractId + " was already accepted");
        }
        Optional<FeedbackRemoval> lastAccepted = earlier.stream().filter(r -> r.accepted)
                .max(Comparator.comparing((FeedbackRemoval r) -> r.requestedAt));
        String refusal = refusal(row, contract, facts, lastAccepted, now);
        if (refusal != null) {
            return published(FeedbackRemoval.decided(freelancerId, contractId, mode, now, false, null, refusal, null, null));
        }
        List<ContractRecord> records = model.records(facts, Visibility.PUBLISHED);
        Integer with = model.compute(records, today).jss();
        Integer without = ScoreModel.jssWithout(records, today, model.params(), contractId);
        boolean keep = !raises(without, with);
        FeedbackRemoval decision = FeedbackRemoval.decided(freelancerId, contractId, mode, now, true, keep, ACCEPTED, with,
                without);
        if (!keep && model.schedule().recomputesOnEvents()) {
            recomputer.recompute(List.of(freelancerId), today, Recomputer.Mode.SCORE, f -> new ChangeCause(Trigger.EVENT,
                    decision.requestId, "feedback-removal.accepted", null));
        }
        return published(decision);
    }

    private FeedbackRemoval published(FeedbackRemoval decision) {
        outbox.publish(FeedbackRemovalDecidedEvent.of(decision));
        return decision;
    }

    @Transactional
    public List<FeedbackRemoval> requests(String freelancerId) {
        return FeedbackRemoval.ofFreelancer(freelancerId);
    }

    /** The first rule of §d.3.8 the request breaks, or null. */
    private String refusal(ScoreRow row, ContractFacts contract, FreelancerFacts facts, Optional<FeedbackRemoval> lastAccepted,
                           Instant now) {
        if (!row.topRated() && !row.topRatedPlus()) {
            return "NOT_TOP_RATED";
        }
        if (contract.status() != ContractStatus.ENDED) {
            return "CONTRACT_NOT_ENDED";
        }
        LocalDate today = FactLoader.utcDate(now);
        if (config.perk().sunsetEnforced() && !today.isBefore(config.perk().sunsetDate())) {
            return "PERK_SUNSET";
        }
        if (lastAccepted.isPresent()) {
            LocalDate last = FactLoader.utcDate(lastAccepted.get().requestedAt);
            if (today.isBefore(last.plusMonths(config.perk().minMonthsBetween()))) {
                return "TOO_SOON";
            }
            long endedSince = facts.contracts().stream().filter(c -> c.endedAt() != null && !c.endedAt().isBefore(last)).count();
            if (endedSince < config.perk().minContractsBetween()) {
                return "NOT_ENOUGH_CONTRACTS_SINCE_LAST";
            }
        }
        return null;
    }

    /**
     * Whether leaving the contract out raises the displayed score; no score is the lowest. Equal is not
     * raising: a contract rated 10 stays in (EX-5).
     */
    static boolean raises(Integer without, Integer with) {
        if (without == null) {
            return false;
        }
        return with == null || without > with;
    }
}
