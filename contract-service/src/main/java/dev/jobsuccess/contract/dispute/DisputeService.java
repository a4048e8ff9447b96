package dev.jobsuccess.contract.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractAccess;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.hourly.WorkCalendar;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/**
 * The escrow a client asked back when ending a fixed-price contract: the freelancer approves or disputes
 * the refund request; a dispute goes to the client, then mediation, then arbitration (PUB S35–S38).
 */
@ApplicationScoped
public class DisputeService {

    private final Clock clock;
    private final ContractConfig config;
    private final ContractAccess access;
    private final Ledger ledger;
    private final Settlement settlement;

    DisputeService(Clock clock, ContractConfig config, ContractAccess access, Ledger ledger, Settlement settlement) {
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.ledger = ledger;
        this.settlement = settlement;
    }

    @Transactional
    public EscrowRefundRequest refundRequest(UUID contractId, Actor actor) {
        Contract c = access.read(contractId, actor);
        EscrowRefundRequest r = EscrowRefundRequest.find("contractId", c.id).firstResult();
        if (r == null) {
            throw ProblemException.notFound("escrow refund request of contract", contractId);
        }
        return r;
    }

    /** The freelancer approves the refund request: the escrow goes back to the client. */
    @Transactional
    public EscrowRefundRequest approveRefundRequest(UUID contractId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        EscrowRefundRequest r = pendingRequest(c);
        Instant now = clock.instant();
        r.approve(now);
        settlement.settleRefund(ledger.posting(c, "REFUND_APPROVED:" + r.id, now), c, 0, MilestoneStatus.REFUNDED);
        return r;
    }

    /** The freelancer disputes the refund request: the client has 5 business days to respond (PUB S36, S37). */
    @Transactional
    public Dispute disputeRefundRequest(UUID contractId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        EscrowRefundRequest r = pendingRequest(c);
        Instant now = clock.instant();
        r.dispute(now);
        Dispute d = new Dispute(c.id, r.id, settlement.escrowRefundPendingCents(c), now,
                WorkCalendar.endOfBusinessDays(now, config.disputeClientResponseBusinessDays()));
        d.persist();
        settlement.markInRefund(c.id, MilestoneStatus.DISPUTED);
        return d;
    }

    @Transactional
    public List<Dispute> disputes(UUID contractId, Actor actor) {
        return Dispute.list("contractId = ?1 order by filedAt", access.read(contractId, actor).id);
    }

    @Transactional
    public Dispute dispute(UUID contractId, UUID disputeId, Actor actor) {
        return dispute(access.read(contractId, actor), disputeId);
    }

    /** The client accepts the dispute and releases the escrow to the freelancer. */
    @Transactional
    public Dispute acceptDispute(UUID contractId, UUID disputeId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        Dispute d = dispute(c, disputeId);
        d.require(DisputeStatus.AWAITING_CLIENT, "DISPUTE_NOT_AWAITING_CLIENT");
        Instant now = clock.instant();
        var before = settlement.snapshot(c);
        Disputes.resolve(settlement, ledger.posting(c, "DISPUTE_ACCEPTED:" + d.id, now), c, d, d.amountCents,
                MilestoneStatus.RELEASED, DisputeResolution.CLIENT_ACCEPTED);
        settlement.adjusted(c, before, AdjustmentCause.ESCROW_RELEASE, now);
        return d;
    }

    /** The client rejects the dispute: the platform mediates, for at most 30 days (PUB S37). */
    @Transactional
    public Dispute rejectDispute(UUID contractId, UUID disputeId, Actor actor) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        Dispute d = dispute(c, disputeId);
        d.toMediation(clock.instant().plus(Duration.ofDays(config.mediationMaxDays())));
        settlement.markInRefund(c.id, MilestoneStatus.IN_MEDIATION);
        return d;
    }

    /**
     * The mediator (PLATFORM) records the mediation: the parties agreed on a split, or they did not and
     * arbitration is offered.
     */
    @Transactional
    public Dispute mediation(UUID contractId, UUID disputeId, Actor actor, boolean agreed, Long freelancerCents) {
        Contract c = access.lockForPlatform(contractId, actor);
        Dispute d = dispute(c, disputeId);
        d.require(DisputeStatus.IN_MEDIATION, "DISPUTE_NOT_IN_MEDIATION");
        Instant now = clock.instant();
        if (!agreed) {
            if (freelancerCents != null) {
                throw ProblemException.badRequest("freelancerCents", "only with an agreement");
            }
            Disputes.offerArbitration(settlement, c, d, now, config.arbitrationPaymentDays());
            return d;
        }
        long held = settlement.escrowRefundPendingCents(c);
        if (freelancerCents == null || freelancerCents > held) {
            throw ProblemException.badRequest("freelancerCents", "required with an agreement, from 0 to the " + held + " cents in dispute");
        }
        var before = settlement.snapshot(c);
        Disputes.resolve(settlement, ledger.posting(c, "MEDIATED:" + d.id, now), c, d, freelancerCents,
                MilestoneStatus.RESOLVED, DisputeResolution.MEDIATED);
        settlement.adjusted(c, before, AdjustmentCause.ESCROW_REFUND_RESOLVED, now);
        return d;
    }

    /**
     * The platform records the arbitration: only the freelancer paid → the freelancer gets the funds; only
     * the client or neither → the client; both → the arbitrator's award (PUB S38).
     */
    @Transactional
    public Dispute arbitration(UUID contractId, Actor actor, boolean clientPaid, boolean freelancerPaid, Long freelancerAwardCents) {
        Contract c = access.lockForPlatform(contractId, actor);
        Dispute d = Dispute.find("contractId = ?1 and status = ?2", c.id, DisputeStatus.ARBITRATION_OFFERED).firstResult();
        if (d == null) {
            throw ProblemException.conflict("NO_ARBITRATION_OFFERED", "contract " + c.id + " has no dispute waiting for arbitration");
        }
        long held = settlement.escrowRefundPendingCents(c);
        long toFreelancer;
        DisputeResolution resolution;
        MilestoneStatus status;
        if (clientPaid && freelancerPaid) {
            if (freelancerAwardCents == null || freelancerAwardCents > held) {
                throw ProblemException.badRequest("freelancerAwardCents",
                        "required when both parties paid, from 0 to the " + held + " cents in dispute");
            }
            toFreelancer = freelancerAwardCents;
            resolution = DisputeResolution.ARBITRATION_AWARD;
            status = MilestoneStatus.ARBITRATED;
        } else {
            if (freelancerAwardCents != null) {
                throw ProblemException.badRequest("freelancerAwardCents", "only when both parties paid the arbitration fee");
            }
            toFreelancer = freelancerPaid ? held : 0;
            resolution = freelancerPaid ? DisputeResolution.ARBITRATION_FREELANCER_ONLY_PAID
                    : clientPaid ? DisputeResolution.ARBITRATION_CLIENT_ONLY_PAID : DisputeResolution.ARBITRATION_NEITHER_PAID;
            status = freelancerPaid ? MilestoneStatus.RELEASED : MilestoneStatus.REFUNDED;
        }
        Instant now = clock.instant();
        var before = settlement.snapshot(c);
        d.arbitrationFeesPaid(clientPaid, freelancerPaid);
        // One posting per party and dispute: its ledger idempotency key can be posted once only, whatever retries.
        if (clientPaid) {
            settlement.arbitrationFee(ledger.posting(c, "ARBITRATION_FEE:" + d.id + ":CLIENT", now), c, Party.CLIENT,
                    config.arbitrationFeeCents());
        }
        if (freelancerPaid) {
            settlement.arbitrationFee(ledger.posting(c, "ARBITRATION_FEE:" + d.id + ":FREELANCER", now), c, Party.FREELANCER,
                    config.arbitrationFeeCents());
        }
        Disputes.resolve(settlement, ledger.posting(c, "ARBITRATION:" + d.id, now), c, d, toFreelancer, status, resolution);
        settlement.adjusted(c, before, AdjustmentCause.ARBITRATION, now);
        return d;
    }

    private static EscrowRefundRequest pendingRequest(Contract c) {
        EscrowRefundRequest r = EscrowRefundRequest.find("contractId", c.id).firstResult();
        if (r == null) {
            throw ProblemException.conflict("NO_REFUND_REQUEST", "contract " + c.id + " has no escrow refund request");
        }
        r.requirePending();
        return r;
    }

    private static Dispute dispute(Contract c, UUID disputeId) {
        Dispute d = Dispute.findById(disputeId);
        if (d == null || !d.contractId.equals(c.id)) {
            throw ProblemException.notFound("dispute", disputeId);
        }
        return d;
    }
}
