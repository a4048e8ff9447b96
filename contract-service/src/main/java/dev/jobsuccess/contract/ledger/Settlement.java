package dev.jobsuccess.contract.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.DisputeOutcome;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.dispute.EscrowRefundRequest;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.messaging.ContractEvents;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/**
 * The money movements every command and timer shares: deposits, releases with their fee and
 * security hold, escrow refunds, the end-of-contract escrow settlement, and the events that follow a change
 * of the money reaching the freelancer: contract-payment-recorded while the contract is open,
 * contract-earnings-adjusted once it has closed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Settlement {

    private final Ledger ledger;
    private final ContractConfig config;
    private final ContractEvents events;
    private final Clock clock;

    Settlement(Ledger ledger, ContractConfig config, ContractEvents events, Clock clock) {
        this.ledger = ledger;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    public long fee(long grossCents) {
        return Math.floorDiv(Math.multiplyExact(grossCents, (long) config.freelancerFeeBps()), 10_000L);
    }

    public List<Milestone> milestones(UUID contractId) {
        return Milestone.list("contractId = ?1 order by seq", contractId);
    }

    // ---- fixed price -------------------------------------------------------------------------

    public void deposit(Ledger.Posting p, Contract c, Milestone m, long cents) {
        p.entry(EntryType.ESCROW_DEPOSIT, Accounts.clientFunding(c), Accounts.escrow(c), cents, m.id, null);
        m.funded(cents, p.effectiveAt());
    }

    /** Moves escrow to the freelancer: ESCROW_RELEASE, its SERVICE_FEE and a security hold. */
    public void releaseEscrow(Ledger.Posting p, Contract c, Milestone m, long cents) {
        if (cents <= 0 || cents > m.remainingCents()) {
            throw new IllegalStateException("release of " + cents + " from milestone " + m.id + " holding " + m.remainingCents());
        }
        p.entry(EntryType.ESCROW_RELEASE, Accounts.escrow(c), Accounts.pending(c), cents, m.id, null);
        m.releasedCents += cents;
        payout(p, c, cents, "MILESTONE", m.id, null, p.effectiveAt().plus(Duration.ofDays(config.securityHoldDays())));
    }

    public void refundEscrow(Ledger.Posting p, Contract c, Milestone m, long cents) {
        if (cents <= 0 || cents > m.remainingCents()) {
            throw new IllegalStateException("refund of " + cents + " from milestone " + m.id + " holding " + m.remainingCents());
        }
        p.entry(EntryType.ESCROW_REFUND, Accounts.escrow(c), Accounts.clientFunding(c), cents, m.id, null);
        m.refundedCents += cents;
    }

    /**
     * The client releases {@code cents} of a milestone (approve, auto-approve, release(x)). Less than
     * the agreed amount leaves a remainder that rolls forward to the next open milestone (PUB S31).
     */
    public void releaseMilestone(Ledger.Posting p, Contract c, Milestone m, long cents, List<Milestone> all) {
        releaseEscrow(p, c, m, cents);
        m.status = m.releasedCents >= m.amountCents ? MilestoneStatus.RELEASED : MilestoneStatus.PARTIALLY_RELEASED;
        long rest = m.remainingCents();
        if (rest > 0) {
            all.stream().filter(n -> n.seq > m.seq && n.isOpen()).findFirst()
                    .ifPresent(next -> rollForward(m, next, rest, p.effectiveAt()));
        }
        c.touch(p.effectiveAt());
    }

    /** Escrow left on closed milestones moves into a newly added one. */
    public void rollLeftoversInto(Milestone added, List<Milestone> all, Instant at) {
        for (Milestone m : all) {
            if (m != added && !m.isOpen() && m.remainingCents() > 0
                    && (m.status == MilestoneStatus.RELEASED || m.status == MilestoneStatus.PARTIALLY_RELEASED)) {
                rollForward(m, added, m.remainingCents(), at);
            }
        }
    }

    private static void rollForward(Milestone from, Milestone to, long cents, Instant at) {
        from.rolledOutCents += cents;
        to.fundedCents += cents;
        to.rolledInCents += cents;
        if (to.status == MilestoneStatus.CREATED && to.fundedCents >= to.amountCents) {
            to.status = MilestoneStatus.FUNDED;
            to.fundedAt = at;
        }
    }

    /**
     * Settles the escrow when a fixed-price contract ends. A freelancer's end refunds it all at once
     * (PUB S40); a client pays {@code payCents} (allocated by milestone order) and asks the rest back
     * through an escrow refund request, as does the system (PUB S35, S46). Unfunded milestones are cancelled.
     */
    public EscrowRefundRequest settleEscrowAtEnd(Ledger.Posting p, Contract c, Party by, long payCents) {
        List<Milestone> all = milestones(c.id);
        long escrow = all.stream().mapToLong(Milestone::remainingCents).sum();
        if (payCents > escrow) {
            throw ProblemException.conflict("PAY_AMOUNT_EXCEEDS_ESCROW",
                    "payAmountCents " + payCents + " is more than the " + escrow + " cents in escrow");
        }
        for (Milestone m : all) {
            if (m.status == MilestoneStatus.CREATED && m.remainingCents() == 0) {
                m.status = MilestoneStatus.CANCELLED;
            }
        }
        if (by == Party.FREELANCER) {
            for (Milestone m : all) {
                long held = m.remainingCents();
                if (held > 0) {
                    refundEscrow(p, c, m, held);
                    if (m.isOpen()) {
                        m.status = MilestoneStatus.REFUNDED;
                    }
                }
            }
            return null;
        }
        long toPay = payCents;
        for (Milestone m : all) {
            long part = Math.min(toPay, m.remainingCents());
            if (part > 0) {
                releaseEscrow(p, c, m, part);
                toPay -= part;
                if (m.remainingCents() == 0) {
                    m.status = m.releasedCents >= m.amountCents ? MilestoneStatus.RELEASED : MilestoneStatus.PARTIALLY_RELEASED;
                }
            }
        }
        long rest = escrow - payCents;
        if (rest == 0) {
            return null;
        }
        for (Milestone m : all) {
            if (m.remainingCents() > 0) {
                m.status = MilestoneStatus.REFUND_REQUESTED;
            }
        }
        EscrowRefundRequest request = new EscrowRefundRequest(c.id, rest, p.effectiveAt(),
                p.effectiveAt().plus(Duration.ofDays(config.escrowRefundResponseDays())));
        request.persist();
        return request;
    }

    /** The milestones whose escrow an unresolved refund request or dispute holds. */
    public List<Milestone> inRefund(UUID contractId) {
        return milestones(contractId).stream().filter(m -> m.remainingCents() > 0 && switch (m.status) {
            case REFUND_REQUESTED, DISPUTED, IN_MEDIATION, ARBITRATION_OFFERED -> true;
            default -> false;
        }).toList();
    }

    public void markInRefund(UUID contractId, MilestoneStatus status) {
        inRefund(contractId).forEach(m -> m.status = status);
    }

    /**
     * Pays {@code toFreelancer} of the escrow under a refund request to the freelancer (milestone order)
     * and refunds the rest to the client; each milestone ends in {@code finalStatus}, or REFUNDED/RELEASED
     * when it went wholly one way and no other status is asked for.
     */
    public void settleRefund(Ledger.Posting p, Contract c, long toFreelancer, MilestoneStatus finalStatus) {
        long left = toFreelancer;
        for (Milestone m : inRefund(c.id)) {
            long pay = Math.min(left, m.remainingCents());
            if (pay > 0) {
                releaseEscrow(p, c, m, pay);
                left -= pay;
            }
            long back = m.remainingCents();
            if (back > 0) {
                refundEscrow(p, c, m, back);
            }
            m.status = finalStatus != null ? finalStatus : pay > 0 ? MilestoneStatus.RELEASED : MilestoneStatus.REFUNDED;
        }
        if (left > 0) {
            throw new IllegalStateException("settlement pays " + toFreelancer + " but the refund holds less");
        }
    }

    // ---- payouts (fixed, bonus, hourly) ------------------------------------------------------

    /** The fee on money that reached the freelancer's pending balance, and the hold until it is available. */
    public void payout(Ledger.Posting p, Contract c, long grossCents, String source, UUID milestoneId, UUID invoiceId,
                       Instant releasesAt) {
        long fee = fee(grossCents);
        if (fee > 0) {
            p.entry(EntryType.SERVICE_FEE, Accounts.pending(c), Accounts.PLATFORM_FEES, fee, milestoneId, invoiceId);
        }
        long net = grossCents - fee;
        if (net > 0) {
            new PayoutHold(c.id, source, milestoneId, invoiceId, net, releasesAt).persist();
        }
    }

    /**
     * A party paid the arbitration fee: {@code cents} from that party's funding account to platform:arbitration. Each
     * party pays it from outside the contract's money, as the client funds everything: the client from
     * client:&lt;id&gt;:funding, the freelancer from fl:&lt;id&gt;:funding (their own payment method). Taking it from the
     * freelancer's earnings (fl:&lt;id&gt;:available) would let one contract's fee eat money another contract earned and
     * shrink what they can still refund here. The fee is no payment or refund of work, so net earnings (§d.1.4: fees
     * are not subtracted) stay as they are.
     */
    public void arbitrationFee(Ledger.Posting p, Contract c, Party payer, long cents) {
        String from = switch (payer) {
            case CLIENT -> Accounts.clientFunding(c);
            case FREELANCER -> Accounts.freelancerFunding(c);
            case SYSTEM -> throw new IllegalArgumentException("only a party pays the arbitration fee");
        };
        if (cents > 0) {
            p.entry(EntryType.ARBITRATION_FEE, from, Accounts.PLATFORM_ARBITRATION, cents, null, null);
        }
    }

    public void bonus(Ledger.Posting p, Contract c, long cents) {
        p.entry(EntryType.BONUS, Accounts.clientFunding(c), Accounts.pending(c), cents, null, null);
        payout(p, c, cents, "BONUS", null, null, p.effectiveAt().plus(Duration.ofDays(config.securityHoldDays())));
    }

    public void securityCleared(Ledger.Posting p, Contract c, PayoutHold hold) {
        p.entry(EntryType.SECURITY_CLEARED, Accounts.pending(c), Accounts.available(c), hold.netCents, hold.milestoneId, hold.invoiceId);
        hold.clearedAt = p.effectiveAt();
        if (hold.invoiceId != null) {
            HourlyInvoice invoice = HourlyInvoice.findById(hold.invoiceId);
            if (invoice != null) {
                invoice.fundsAvailable();
            }
        }
    }

    // ---- money reaching the freelancer: contract-payment-recorded, then contract-earnings-adjusted --------

    /** What the contract had published before a change: its money, dispute outcome and whether it had ended. */
    public Snapshot snapshot(Contract c) {
        LedgerView view = ledger.view(c);
        return new Snapshot(c.ended(), view.netEarningsCents(), view.paymentInstants(), view.earnings(), c.disputeOutcome);
    }

    /**
     * Publishes what the change did to the money reaching the freelancer: on an open contract, a new payment
     * or a changed net (contract-payment-recorded, domain.md §d.4: the long-term rule needs every payment of an
     * open contract); on a closed one, a changed net or dispute outcome (contract-earnings-adjusted). A change of
     * the earnings items alone counts too, since consumers sum them by period: it cannot come without a change of net
     * or instants today, but the comparison should not rely on that. A change that ended the contract publishes
     * nothing here: contract-closed reports it.
     */
    public void adjusted(Contract c, Snapshot before, AdjustmentCause cause, Instant at) {
        LedgerView after = ledger.view(c);
        if (!before.ended()) {
            if (!c.ended() && (after.netEarningsCents() != before.netEarningsCents()
                    || !after.paymentInstants().equals(before.paymentInstants())
                    || !after.earnings().equals(before.earnings()))) {
                events.paymentRecorded(c, after, clock.instant());
            }
            return;
        }
        long delta = after.netEarningsCents() - before.netEarningsCents();
        if (delta != 0 || !after.earnings().equals(before.earnings()) || before.disputeOutcome() != c.disputeOutcome) {
            events.earningsAdjusted(c, after, delta, cause, at);
        }
    }

    /** An open contract was paused or restarted: its status goes out with its money, as contract-payment-recorded. */
    public void statusChanged(Contract c) {
        events.paymentRecorded(c, ledger.view(c), clock.instant());
    }

    public record Snapshot(boolean ended, long netEarningsCents, List<Instant> paymentInstants, List<EarningsChange> earnings,
                           DisputeOutcome disputeOutcome) {}

    /** Escrow still waiting in an unresolved refund request or dispute. */
    public long escrowRefundPendingCents(Contract c) {
        return inRefund(c.id).stream().mapToLong(Milestone::remainingCents).sum();
    }
}
