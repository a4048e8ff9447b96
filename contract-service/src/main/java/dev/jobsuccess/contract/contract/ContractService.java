package dev.jobsuccess.contract.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.hourly.HourlyBilling;
import dev.jobsuccess.contract.hourly.WeeklyLimitChange;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.messaging.ContractEvents;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneService;

/** The contract's own life: offer, accept, decline, withdraw, pause, restart, end. Each command is one transaction. */
@ApplicationScoped
public class ContractService {

    private final Clock clock;
    private final ContractConfig config;
    private final ContractAccess access;
    private final HourlyBilling hourly;
    private final Endings endings;
    private final Settlement settlement;
    private final ContractEvents events;

    ContractService(Clock clock, ContractConfig config, ContractAccess access, HourlyBilling hourly, Endings endings,
                    Settlement settlement, ContractEvents events) {
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.hourly = hourly;
        this.endings = endings;
        this.settlement = settlement;
        this.events = events;
    }

    public record NewMilestone(String description, long amountCents, LocalDate dueDate) {}

    public record NewContract(String freelancerId, ContractType type, String title, String category, Long hourlyRateCents,
                              Integer weeklyLimitMinutes, List<NewMilestone> milestones) {}

    /** A client offers a contract to a freelancer: OFFER_PENDING until the freelancer accepts or declines. */
    @Transactional
    public ContractView offer(String clientId, NewContract offer) {
        List<NewMilestone> milestones = offer.milestones() == null ? List.of() : offer.milestones();
        if (offer.type() == ContractType.HOURLY) {
            if (offer.hourlyRateCents() == null) {
                throw ProblemException.badRequest("hourlyRateCents", "required for an hourly contract");
            }
            if (offer.weeklyLimitMinutes() == null) {
                throw ProblemException.badRequest("weeklyLimitMinutes", "required for an hourly contract");
            }
            if (!milestones.isEmpty()) {
                throw ProblemException.badRequest("milestones", "an hourly contract has no milestones");
            }
        } else {
            if (offer.hourlyRateCents() != null) {
                throw ProblemException.badRequest("hourlyRateCents", "only for an hourly contract");
            }
            if (offer.weeklyLimitMinutes() != null) {
                throw ProblemException.badRequest("weeklyLimitMinutes", "only for an hourly contract");
            }
            long total = 0;
            for (int i = 0; i < milestones.size(); i++) {
                NewMilestone m = milestones.get(i);
                MilestoneService.requireMinimum(m.amountCents(), "milestones[" + i + "].amountCents", config);
                MilestoneService.requireDueDate(m.dueDate(), "milestones[" + i + "].dueDate", clock.instant(), config);
                total = Math.addExact(total, m.amountCents());
            }
            MilestoneService.requireWithinTotal(total, "milestones", config);
        }
        Instant now = clock.instant();
        Contract c = Contract.offer(clientId, offer.freelancerId(), offer.type(), offer.title(), offer.category(),
                offer.hourlyRateCents(), now);
        c.persist();
        int seq = 0;
        for (NewMilestone m : milestones) {
            Milestone.create(c.id, ++seq, m.description(), m.amountCents(), m.dueDate(), now).persist();
        }
        if (offer.type() == ContractType.HOURLY) {
            hourly.setLimit(c, offer.weeklyLimitMinutes(), now);
        }
        return view(c, now);
    }

    @Transactional
    public ContractView get(UUID id, Actor actor) {
        return view(access.read(id, actor), clock.instant());
    }

    @Transactional
    public ContractView accept(UUID id, Actor actor) {
        Contract c = access.lockFor(id, actor, Party.FREELANCER);
        c.accept(clock.instant());
        events.started(c);
        return view(c, clock.instant());
    }

    @Transactional
    public ContractView decline(UUID id, Actor actor) {
        Contract c = access.lockFor(id, actor, Party.FREELANCER);
        c.closeOffer(OfferClosedReason.DECLINED, clock.instant());
        return view(c, clock.instant());
    }

    @Transactional
    public ContractView withdraw(UUID id, Actor actor) {
        Contract c = access.lockFor(id, actor, Party.CLIENT);
        c.closeOffer(OfferClosedReason.WITHDRAWN, clock.instant());
        return view(c, clock.instant());
    }

    @Transactional
    public ContractView pause(UUID id, Actor actor) {
        Contract c = access.lockFor(id, actor, Party.CLIENT);
        c.pause(PauseReason.CLIENT, clock.instant());
        settlement.statusChanged(c);
        return view(c, clock.instant());
    }

    @Transactional
    public ContractView restart(UUID id, Actor actor) {
        Contract c = access.lockFor(id, actor, Party.CLIENT);
        c.restart(clock.instant());
        settlement.statusChanged(c);
        return view(c, clock.instant());
    }

    /**
     * Either party ends the contract, or the platform ends it for a suspension. The end reason must be
     * one the ender may choose; a client with escrow chooses what happens to it.
     */
    @Transactional
    public ContractView end(UUID id, Actor actor, EndReason reason, EscrowAction action, Long payAmountCents) {
        ContractAccess.Ender ender = access.lockForEnd(id, actor);
        if (ender.party() == Party.SYSTEM && reason == EndReason.DORMANT_AUTO_CLOSED) {
            throw ProblemException.badRequest("endReasonCode", "DORMANT_AUTO_CLOSED is set only by the dormancy timer");
        }
        Instant now = clock.instant();
        endings.end(ender.contract(), ender.party(), reason, action, payAmountCents, now);
        return view(ender.contract(), now);
    }

    public ContractView view(Contract c, Instant now) {
        Integer limit = null;
        Integer next = null;
        Instant nextFrom = null;
        if (c.type == ContractType.HOURLY) {
            limit = hourly.limitAt(c, now);
            WeeklyLimitChange pending = hourly.pendingChange(c, now);
            if (pending != null) {
                next = pending.minutes;
                nextFrom = pending.effectiveFrom;
            }
        }
        return new ContractView(c, limit, next, nextFrom,
                c.endedAt == null ? null : FeedbackWindow.closesAt(c.endedAt, config.feedbackWindowDays()));
    }
}
