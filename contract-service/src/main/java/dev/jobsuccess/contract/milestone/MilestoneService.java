package dev.jobsuccess.contract.milestone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractAccess;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.hourly.WorkCalendar;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;

/** Fixed-price milestones: add, fund, submit, approve, release(x), request changes. */
@ApplicationScoped
public class MilestoneService {

    private final Clock clock;
    private final ContractConfig config;
    private final ContractAccess access;
    private final Ledger ledger;
    private final Settlement settlement;

    MilestoneService(Clock clock, ContractConfig config, ContractAccess access, Ledger ledger, Settlement settlement) {
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.ledger = ledger;
        this.settlement = settlement;
    }

    public static void requireMinimum(long amountCents, String field, ContractConfig config) {
        if (amountCents < config.milestoneMinCents()) {
            throw ProblemException.badRequest(field, "must be at least " + config.milestoneMinCents() + " cents");
        }
    }

    /** A due date, when given, lies within the configured window around today (UTC, service clock). */
    public static void requireDueDate(LocalDate dueDate, String field, Instant now, ContractConfig config) {
        if (dueDate == null) {
            return;
        }
        LocalDate today = WorkCalendar.date(now);
        LocalDate earliest = today.minus(config.milestoneDueDateMaxPast());
        LocalDate latest = today.plus(config.milestoneDueDateMaxFuture());
        if (dueDate.isBefore(earliest) || dueDate.isAfter(latest)) {
            throw ProblemException.badRequest(field, "must be from " + earliest + " to " + latest);
        }
    }

    /** The contract's milestones may not total more than the configured maximum, so no sum of them can overflow. */
    public static void requireWithinTotal(long totalCents, String field, ContractConfig config) {
        if (totalCents > config.maxContractTotalCents()) {
            throw ProblemException.badRequest(field, "the contract's milestones would total " + totalCents
                    + " cents, more than the maximum of " + config.maxContractTotalCents());
        }
    }

    @Transactional
    public List<Milestone> list(UUID contractId, Actor actor) {
        access.read(contractId, actor);
        return settlement.milestones(contractId);
    }

    /** The client adds a milestone to an offer or a running contract; escrow left on closed milestones rolls into it. */
    @Transactional
    public Milestone add(UUID contractId, Actor actor, String description, long amountCents, LocalDate dueDate) {
        Instant now = clock.instant();
        requireMinimum(amountCents, "amountCents", config);
        requireDueDate(dueDate, "dueDate", now, config);
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireFixedPrice();
        if (c.status != ContractStatus.OFFER_PENDING) {
            c.requireRunning();
        }
        List<Milestone> all = settlement.milestones(c.id);
        long total = amountCents;
        for (Milestone other : all) {
            total = Math.addExact(total, other.amountCents);
        }
        requireWithinTotal(total, "amountCents", config);
        int seq = all.stream().mapToInt(m -> m.seq).max().orElse(0) + 1;
        Milestone m = Milestone.create(c.id, seq, description, amountCents, dueDate, now);
        m.persist();
        if (c.status.running()) {
            settlement.rollLeftoversInto(m, all, now);
        }
        c.touch(now);
        return m;
    }

    /** The client puts the milestone's money into escrow (less whatever rolled in from an earlier one). */
    @Transactional
    public Milestone fund(UUID contractId, UUID milestoneId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireFixedPrice();
        c.requireRunning();
        Milestone m = milestone(c, milestoneId);
        if (m.status != MilestoneStatus.CREATED) {
            throw MilestoneStatus.IN_PROGRESS.contains(m.status)
                    ? ProblemException.conflict("MILESTONE_ALREADY_FUNDED", "milestone " + m.id + " is already funded")
                    : m.closed();
        }
        Instant now = clock.instant();
        settlement.deposit(ledger.posting(c, "FUND:" + m.id, now), c, m, m.depositNeededCents());
        c.touch(now);
        return m;
    }

    @Transactional
    public Milestone submit(UUID contractId, UUID milestoneId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        c.requireFixedPrice();
        c.requireActive();
        Milestone m = milestone(c, milestoneId);
        Instant now = clock.instant();
        m.submit(now, config.milestoneReviewDays());
        c.touch(now);
        return m;
    }

    @Transactional
    public Milestone requestChanges(UUID contractId, UUID milestoneId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireFixedPrice();
        c.requireRunning();
        Milestone m = milestone(c, milestoneId);
        Instant now = clock.instant();
        if (m.status == MilestoneStatus.CREATED) {
            throw ProblemException.conflict("MILESTONE_NOT_FUNDED", "milestone " + m.id + " is not funded");
        }
        if (m.status == MilestoneStatus.FUNDED || m.status == MilestoneStatus.CHANGES_REQUESTED) {
            throw ProblemException.conflict("MILESTONE_NOT_SUBMITTED", "milestone " + m.id + " has no submission to review");
        }
        if (m.status != MilestoneStatus.SUBMITTED) {
            throw m.closed();
        }
        m.requestChanges(now);
        c.touch(now);
        return m;
    }

    /** The client approves: the agreed amount is released (with or without a submission). */
    @Transactional
    public Milestone approve(UUID contractId, UUID milestoneId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireFixedPrice();
        c.requireRunning();
        Milestone m = milestone(c, milestoneId);
        if (!MilestoneStatus.IN_PROGRESS.contains(m.status)) {
            throw m.status == MilestoneStatus.CREATED
                    ? ProblemException.conflict("MILESTONE_NOT_FUNDED", "milestone " + m.id + " is not funded") : m.closed();
        }
        Instant now = clock.instant();
        var before = settlement.snapshot(c);
        settlement.releaseMilestone(ledger.posting(c, "APPROVE:" + m.id + ":" + c.ledgerEntries, now), c, m,
                MilestoneRules.approveAmount(m), settlement.milestones(c.id));
        settlement.adjusted(c, before, AdjustmentCause.ESCROW_RELEASE, now);
        return m;
    }

    /** The client releases a chosen amount; less than agreed rolls the rest forward (PUB S31, S33). */
    @Transactional
    public Milestone release(UUID contractId, UUID milestoneId, Actor actor, long amountCents) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireFixedPrice();
        c.requireRunning();
        Milestone m = milestone(c, milestoneId);
        m.requireReleasable();
        if (amountCents > m.remainingCents()) {
            throw ProblemException.conflict("RELEASE_EXCEEDS_ESCROW",
                    "milestone " + m.id + " holds " + m.remainingCents() + " cents in escrow, less than " + amountCents);
        }
        Instant now = clock.instant();
        var before = settlement.snapshot(c);
        settlement.releaseMilestone(ledger.posting(c, "RELEASE:" + m.id + ":" + c.ledgerEntries, now), c, m, amountCents,
                settlement.milestones(c.id));
        settlement.adjusted(c, before, AdjustmentCause.ESCROW_RELEASE, now);
        return m;
    }

    private static Milestone milestone(Contract c, UUID milestoneId) {
        Milestone m = Milestone.findById(milestoneId);
        if (m == null || !m.contractId.equals(c.id)) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
        return m;
    }
}
