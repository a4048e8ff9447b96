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
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractAccess;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.Party;

/** Bonuses, refunds of paid money, and the contract's ledger and balance. */
@ApplicationScoped
public class PaymentService {

    private final Clock clock;
    private final ContractConfig config;
    private final ContractAccess access;
    private final Ledger ledger;
    private final Settlement settlement;

    PaymentService(Clock clock, ContractConfig config, ContractAccess access, Ledger ledger, Settlement settlement) {
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /** The client pays a bonus while the contract runs or up to 365 days after it ended (PUB S50). */
    @Transactional
    public BalanceView bonus(UUID contractId, Actor actor, long amountCents) {
        Contract c = access.lockFor(contractId, actor, Party.CLIENT);
        c.requireStarted();
        Instant now = clock.instant();
        if (c.ended() && now.isAfter(c.endedAt.plus(Duration.ofDays(config.bonusAfterEndDays())))) {
            throw ProblemException.conflict("BONUS_WINDOW_CLOSED",
                    "a bonus can be paid up to " + config.bonusAfterEndDays() + " days after the end (" + c.endedAt + ")");
        }
        long bonuses = Math.addExact(ledger.view(c).bonusCents(), amountCents);
        if (bonuses > config.maxContractTotalCents()) {
            throw ProblemException.badRequest("amountCents", "the contract's bonuses would total " + bonuses
                    + " cents, more than the maximum of " + config.maxContractTotalCents());
        }
        var before = settlement.snapshot(c);
        settlement.bonus(ledger.posting(c, "BONUS:" + c.id + ":" + c.ledgerEntries, now), c, amountCents);
        c.touch(now);
        settlement.adjusted(c, before, AdjustmentCause.BONUS, now);
        return balance(c, now);
    }

    /**
     * The freelancer refunds money already paid: at most what was paid in the last 180 days (less
     * refunds since), at most the contract's net earnings, and only out of cleared (available) money.
     * The fee's proportional share comes back (SERVICE_FEE_REVERSAL).
     */
    @Transactional
    public BalanceView refund(UUID contractId, Actor actor, long amountCents) {
        Contract c = access.lockFor(contractId, actor, Party.FREELANCER);
        c.requireStarted();
        Instant now = clock.instant();
        long refundable = refundable(c, now);
        if (amountCents > refundable) {
            throw ProblemException.conflict("REFUND_EXCEEDS_REFUNDABLE", "at most " + refundable
                    + " cents can be refunded now: paid within " + config.postReleaseRefundDays()
                    + " days, within net earnings, and out of available (cleared) money");
        }
        var before = settlement.snapshot(c);
        var p = ledger.posting(c, "REFUND:" + c.id + ":" + c.ledgerEntries, now);
        p.entry(EntryType.POST_RELEASE_REFUND, Accounts.available(c), Accounts.clientFunding(c), amountCents, null, null);
        long reversal = reversal(c, ledger.view(c), amountCents);
        if (reversal > 0) {
            p.entry(EntryType.SERVICE_FEE_REVERSAL, Accounts.PLATFORM_FEES, Accounts.available(c), reversal, null, null);
        }
        settlement.adjusted(c, before, AdjustmentCause.POST_RELEASE_REFUND, now);
        return balance(c, now);
    }

    @Transactional
    public List<LedgerEntry> ledger(UUID contractId, Actor actor) {
        return ledger.entries(access.read(contractId, actor).id);
    }

    @Transactional
    public BalanceView balance(UUID contractId, Actor actor, Instant asOf) {
        Contract c = access.read(contractId, actor);
        Instant now = clock.instant();
        if (asOf == null || !asOf.isBefore(now)) {
            return balance(c, now);
        }
        return new BalanceView(c, ledger.view(c, asOf), settlement.escrowRefundPendingCents(c), 0);
    }

    private BalanceView balance(Contract c, Instant now) {
        return new BalanceView(c, ledger.view(c, now), settlement.escrowRefundPendingCents(c), refundable(c, now));
    }

    /** The fee's share of a refund: floor(refund × bps / 10000), never more than the fees still held. */
    private long reversal(Contract c, LedgerView view, long refundCents) {
        long feesHeld = view.total(EntryType.SERVICE_FEE) - view.total(EntryType.SERVICE_FEE_REVERSAL);
        return Math.max(0, Math.min(settlement.fee(refundCents), feesHeld));
    }

    long refundable(Contract c, Instant now) {
        if (c.status == ContractStatus.OFFER_PENDING || c.status == ContractStatus.OFFER_CANCELLED) {
            return 0;
        }
        Instant windowStart = now.minus(Duration.ofDays(config.postReleaseRefundDays()));
        long paidInWindow = 0;
        long refundedInWindow = 0;
        for (LedgerEntry e : ledger.entries(c.id)) {
            if (e.effectiveAt.isBefore(windowStart) || e.effectiveAt.isAfter(now)) {
                continue;
            }
            switch (e.entryType) {
                case ESCROW_RELEASE, BONUS, HOURLY_REVIEW_CLEARED -> paidInWindow += e.amountCents;
                case POST_RELEASE_REFUND -> refundedInWindow += e.amountCents;
                default -> { }
            }
        }
        LedgerView view = ledger.view(c, now);
        long cap = Math.min(view.netEarningsCents(), paidInWindow - refundedInWindow);
        long available = view.balance(Accounts.available(c));
        // The largest r ≤ cap with r − reversal(r) ≤ available; r − reversal(r) never decreases as r grows.
        long lo = 0;
        long hi = Math.max(0, cap);
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (mid - reversal(c, view, mid) <= available) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
