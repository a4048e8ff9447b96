package dev.jobsuccess.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.contract.contract.Actor;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.contract.ContractService;
import dev.jobsuccess.contract.contract.ContractStatus;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.EndReason;
import dev.jobsuccess.contract.contract.EscrowAction;
import dev.jobsuccess.contract.contract.Party;
import dev.jobsuccess.contract.dispute.Dispute;
import dev.jobsuccess.contract.dispute.DisputeService;
import dev.jobsuccess.contract.dispute.DisputeStatus;
import dev.jobsuccess.contract.hourly.HourlyInvoice;
import dev.jobsuccess.contract.hourly.HourlyService;
import dev.jobsuccess.contract.ledger.Accounts;
import dev.jobsuccess.contract.ledger.EntryType;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.LedgerEntry;
import dev.jobsuccess.contract.ledger.LedgerView;
import dev.jobsuccess.contract.ledger.PaymentService;
import dev.jobsuccess.contract.ledger.PayoutHold;
import dev.jobsuccess.contract.milestone.Milestone;
import dev.jobsuccess.contract.milestone.MilestoneService;
import dev.jobsuccess.contract.milestone.MilestoneStatus;
import dev.jobsuccess.contract.timers.ContractTimers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many random sequences of legal and illegal commands (seeded, so a failure replays) through the domain
 * services, with time moving and timers firing. After every step: each entry moves a positive amount
 * between two accounts, escrow never goes negative and equals what the milestones hold, no freelancer
 * or platform balance goes negative, money in (what clients paid) equals money out (escrow, freelancer
 * and fee balances), and a refused command posts nothing.
 */
@QuarkusTest
class LedgerPropertyTest {

    private static final int STEPS = 300;

    @Inject
    AdjustableClock clock;
    @Inject
    ContractService contracts;
    @Inject
    MilestoneService milestones;
    @Inject
    HourlyService hourly;
    @Inject
    PaymentService payments;
    @Inject
    DisputeService disputes;
    @Inject
    ContractTimers timers;
    @Inject
    Ledger ledger;

    private record K(UUID id, Actor client, Actor freelancer, boolean hourly) {}

    private final Actor platform = new Actor("ops", EnumSet.noneOf(Party.class), true);
    private Random rnd;
    private int legal;
    private int refused;
    private final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private final java.util.Map<EntryType, Long> entryTypes = new java.util.EnumMap<>(EntryType.class);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void randomCommandSequencesKeepTheLedgerBalanced() {
        for (long seed : new long[] {20250601L, 7L, 424242L}) {
            run(seed);
        }
        System.out.println("LedgerPropertyTest outcomes: " + outcomes + "\nentries posted: " + entryTypes);
        assertEquals(EnumSet.allOf(EntryType.class), entryTypes.keySet(), "every kind of money movement was exercised");
        assertTrue(legal > 300, "legal commands: " + legal + " " + outcomes);
        assertTrue(refused > 200, "refused commands: " + refused + " " + outcomes);
        assertTrue(outcomes.size() > 15, "many different refusals: " + outcomes);
    }

    private void run(long seed) {
        rnd = new Random(seed);
        clock.pin(Instant.parse("2025-01-06T09:00:00Z"));
        List<K> ks = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (running(ks).size() < 3 || rnd.nextInt(30) == 0) {
                ks.add(newContract());
            }
            K k = pick(ks);
            if (rnd.nextInt(12) == 0) {
                clock.advance(Duration.ofMinutes(1 + rnd.nextInt(60 * 24 * 6)));
                timers.processDue();
                changedSinceLastCheck(ks).forEach(this::checkInvariants);
                continue;
            }
            long entriesBefore = entries(k);
            String what = "seed " + seed + " step " + step;
            try {
                command(k);
                legal++;
                outcomes.merge("OK", 1, Integer::sum);
            } catch (ProblemException e) {
                refused++;
                outcomes.merge(e.problem().code(), 1, Integer::sum);
                int status = e.problem().status();
                assertTrue(status == 400 || status == 404 || status == 409, what + ": " + e.problem());
                assertEquals(entriesBefore, entries(k), what + ": a refused command posted entries: " + e.problem());
            }
            checkInvariants(k);
        }
        ks.add(arbitrated());
        ks.forEach(this::checkInvariants);
        ks.forEach(this::checkClosedEvents);
        QuarkusTransaction.requiringNew().run(() -> Contract.getEntityManager()
                .createQuery("select e.entryType, count(e) from LedgerEntry e where e.contractId in :ids group by e.entryType", Object[].class)
                .setParameter("ids", ks.stream().map(K::id).toList()).getResultList()
                .forEach(r -> entryTypes.merge((EntryType) r[0], (Long) r[1], Long::sum)));
    }

    /**
     * A contract walked to arbitration, which random commands seldom reach (a dispute, a rejection, a failed mediation,
     * then the platform's record within 7 days), recorded with one or both parties having paid the fee.
     */
    private K arbitrated() {
        K k;
        do {
            k = newContract();
        } while (k.hourly() || status(k) != ContractStatus.ACTIVE);
        List<Milestone> ms = milestones.list(k.id(), k.client());
        milestones.fund(k.id(), ms.getFirst().id, k.client());
        contracts.end(k.id(), k.client(), EndReason.NO_LONGER_NEEDED, EscrowAction.REQUEST_REFUND, null);
        UUID d = disputes.disputeRefundRequest(k.id(), k.freelancer()).id;
        disputes.rejectDispute(k.id(), d, k.client());
        disputes.mediation(k.id(), d, platform, false, null);
        int paid = rnd.nextInt(3);
        long held = ms.getFirst().amountCents;
        disputes.arbitration(k.id(), platform, paid != 1, paid != 0, paid == 2 ? (long) rnd.nextInt((int) held + 1) : null);
        checkInvariants(k);
        return k;
    }

    private static ContractStatus status(K k) {
        return QuarkusTransaction.requiringNew().call(() -> Contract.<Contract>findById(k.id()).status);
    }

    private static List<K> running(List<K> ks) {
        List<UUID> ids = ks.stream().map(K::id).toList();
        java.util.Set<UUID> running = new java.util.HashSet<>(QuarkusTransaction.requiringNew().call(() -> Contract.getEntityManager()
                .createQuery("select c.id from Contract c where c.id in :ids and c.status in :running", UUID.class)
                .setParameter("ids", ids).setParameter("running", List.of(ContractStatus.ACTIVE, ContractStatus.PAUSED))
                .getResultList()));
        return ks.stream().filter(k -> running.contains(k.id())).toList();
    }

    /** Mostly a running contract, so most commands have a chance; sometimes any, ended ones included. */
    private K pick(List<K> ks) {
        List<K> running = running(ks);
        if (rnd.nextInt(3) != 0 && !running.isEmpty()) {
            return running.get(rnd.nextInt(running.size()));
        }
        return ks.get(rnd.nextInt(ks.size()));
    }

    /** A command that fits the contract's state most of the time, and any command sometimes. */
    private void command(K k) {
        ContractStatus status = status(k);
        if (rnd.nextInt(6) != 0) {
            if (status == ContractStatus.OFFER_PENDING) {
                switch (rnd.nextInt(10)) {
                    case 0 -> contracts.decline(k.id(), k.freelancer());
                    case 1 -> contracts.withdraw(k.id(), k.client());
                    default -> contracts.accept(k.id(), k.freelancer());
                }
                return;
            }
            if (status == ContractStatus.ENDED) {
                switch (rnd.nextInt(k.hourly() ? 3 : 8)) {
                    case 0 -> payments.bonus(k.id(), k.client(), 1 + rnd.nextInt(20_000));
                    case 1 -> payments.refund(k.id(), k.freelancer(), 1 + rnd.nextInt(60_000));
                    case 2 -> hourlyOrFixed(k);
                    case 3 -> disputes.approveRefundRequest(k.id(), k.freelancer());
                    case 4 -> disputes.disputeRefundRequest(k.id(), k.freelancer());
                    case 5, 6 -> disputeStep(k);
                    default -> disputes.arbitration(k.id(), platform, rnd.nextBoolean(), rnd.nextBoolean(),
                            rnd.nextBoolean() ? (long) rnd.nextInt(120_000) : null);
                }
                return;
            }
        }
        hourlyOrFixed(k);
    }

    private void hourlyOrFixed(K k) {
        if (k.hourly()) {
            hourlyCommand(k);
        } else {
            fixedCommand(k);
        }
    }

    private void disputeStep(K k) {
        UUID d = openDispute(k);
        switch (rnd.nextInt(3)) {
            case 0 -> disputes.acceptDispute(k.id(), d, k.client());
            case 1 -> disputes.rejectDispute(k.id(), d, k.client());
            default -> disputes.mediation(k.id(), d, platform, rnd.nextBoolean(), rnd.nextBoolean() ? (long) rnd.nextInt(120_000) : null);
        }
    }

    /** Mostly a milestone in one of the states the command needs; sometimes any. */
    private static UUID milestoneIn(List<Milestone> ms, Random rnd, MilestoneStatus... wanted) {
        if (ms.isEmpty()) {
            return UUID.randomUUID();
        }
        List<Milestone> fit = ms.stream().filter(m -> java.util.Arrays.asList(wanted).contains(m.status)).toList();
        List<Milestone> from = fit.isEmpty() || rnd.nextInt(5) == 0 ? ms : fit;
        return from.get(rnd.nextInt(from.size())).id;
    }

    private K newContract() {
        Actor client = new Actor("pc-" + UUID.randomUUID(), EnumSet.of(Party.CLIENT), false);
        Actor freelancer = new Actor("pf-" + UUID.randomUUID(), EnumSet.of(Party.FREELANCER), false);
        boolean isHourly = rnd.nextInt(3) == 0;
        List<ContractService.NewMilestone> ms = new ArrayList<>();
        if (!isHourly) {
            for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
                ms.add(new ContractService.NewMilestone("m" + i, 500 + rnd.nextInt(100_000), null));
            }
        }
        var view = contracts.offer(client.userId(), new ContractService.NewContract(freelancer.userId(),
                isHourly ? ContractType.HOURLY : ContractType.FIXED_PRICE, "t", "c",
                isHourly ? 1000L + rnd.nextInt(10_000) : null, isHourly ? rnd.nextInt(3000) : null, ms));
        K k = new K(view.contract().id, client, freelancer, isHourly);
        if (rnd.nextInt(8) != 0) {
            contracts.accept(k.id(), freelancer);
        }
        return k;
    }

    private void fixedCommand(K k) {
        List<Milestone> ms = milestones.list(k.id(), k.client());
        UUID created = milestoneIn(ms, rnd, MilestoneStatus.CREATED);
        UUID inProgress = milestoneIn(ms, rnd, MilestoneStatus.FUNDED,
                MilestoneStatus.CHANGES_REQUESTED, MilestoneStatus.SUBMITTED);
        UUID submitted = milestoneIn(ms, rnd, MilestoneStatus.SUBMITTED);
        UUID m = ms.isEmpty() ? UUID.randomUUID() : ms.get(rnd.nextInt(ms.size())).id;
        long held = ms.stream().filter(x -> x.id.equals(inProgress)).mapToLong(Milestone::remainingCents).findFirst().orElse(0);
        switch (rnd.nextInt(24)) {
            case 0, 1, 2, 3 -> milestones.fund(k.id(), created, k.client());
            case 4, 5, 6 -> milestones.submit(k.id(), inProgress, k.freelancer());
            case 7, 8 -> milestones.approve(k.id(), inProgress, k.client());
            case 9 -> milestones.release(k.id(), inProgress, k.client(), 1 + rnd.nextInt((int) Math.max(1, held + 200)));
            case 10 -> milestones.requestChanges(k.id(), submitted, k.client());
            case 11 -> milestones.add(k.id(), k.client(), "more", 300 + rnd.nextInt(60_000), null);
            case 12 -> endByClient(k, ms.stream().mapToLong(Milestone::remainingCents).sum());
            case 13 -> contracts.end(k.id(), k.freelancer(), rnd.nextBoolean() ? EndReason.CLIENT_NOT_RESPONSIVE : EndReason.OTHER, null, null);
            case 14 -> disputes.approveRefundRequest(k.id(), k.freelancer());
            case 15 -> disputes.disputeRefundRequest(k.id(), k.freelancer());
            case 16 -> disputeStep(k);
            case 17 -> disputes.arbitration(k.id(), platform, rnd.nextBoolean(), rnd.nextBoolean(),
                    rnd.nextBoolean() ? (long) rnd.nextInt(120_000) : null);
            default -> commonCommand(k, m);
        }
    }

    private void hourlyCommand(K k) {
        List<HourlyInvoice> invoices = hourly.invoices(k.id(), k.client());
        UUID inv = invoices.isEmpty() ? UUID.randomUUID() : invoices.get(rnd.nextInt(invoices.size())).id;
        switch (rnd.nextInt(16)) {
            case 0, 1, 2, 3 -> hourly.logTime(k.id(), k.freelancer(), null, 1 + rnd.nextInt(600), "w");
            case 4 -> hourly.setWeeklyLimit(k.id(), k.client(), rnd.nextInt(3000));
            case 5, 6 -> hourly.dispute(k.id(), inv, k.client(), rnd.nextBoolean() ? null : (long) 1 + rnd.nextInt(60_000));
            case 7 -> hourly.acceptDispute(k.id(), inv, k.freelancer());
            case 8 -> hourly.contestDispute(k.id(), inv, k.freelancer());
            case 9 -> hourly.decideDispute(k.id(), inv, platform, rnd.nextInt(60_000));
            case 10 -> contracts.end(k.id(), rnd.nextBoolean() ? k.client() : k.freelancer(), EndReason.OTHER, null, null);
            default -> commonCommand(k, UUID.randomUUID());
        }
    }

    private void commonCommand(K k, UUID milestone) {
        switch (rnd.nextInt(12)) {
            case 0, 1, 2 -> payments.bonus(k.id(), k.client(), 1 + rnd.nextInt(20_000));
            case 3, 4, 5 -> payments.refund(k.id(), k.freelancer(), 1 + rnd.nextInt(60_000));
            case 6, 7 -> contracts.pause(k.id(), k.client());
            case 8, 9 -> contracts.restart(k.id(), k.client());
            // a stranger, or a party in the other role, is refused with 404 and changes nothing
            case 10 -> milestones.fund(k.id(), milestone, new Actor(k.freelancer().userId(), EnumSet.of(Party.CLIENT), false));
            default -> payments.bonus(k.id(), new Actor("stranger-" + UUID.randomUUID(), EnumSet.of(Party.CLIENT), false), 100);
        }
    }

    private void endByClient(K k, long escrow) {
        EscrowAction action = escrow == 0 && rnd.nextBoolean() ? null : rnd.nextBoolean() ? EscrowAction.REQUEST_REFUND : EscrowAction.PAY_AMOUNT;
        Long pay = action == EscrowAction.PAY_AMOUNT ? (long) 1 + rnd.nextInt((int) Math.max(1, escrow + 100)) : null;
        EndReason reason = EndReason.values()[rnd.nextInt(8)];
        contracts.end(k.id(), k.client(), reason, action, pay);
    }

    private UUID openDispute(K k) {
        return disputes.disputes(k.id(), k.client()).stream().map(d -> d.id).findFirst().orElse(UUID.randomUUID());
    }

    private final java.util.Map<UUID, Long> checkedAt = new java.util.HashMap<>();

    /** The contracts whose ledger grew since their last check (timers touch any of them). */
    private List<K> changedSinceLastCheck(List<K> ks) {
        java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> Contract.getEntityManager()
                .createQuery("select e.contractId, count(e) from LedgerEntry e where e.contractId in :ids group by e.contractId", Object[].class)
                .setParameter("ids", ks.stream().map(K::id).toList()).getResultList()
                .forEach(r -> counts.put((UUID) r[0], (Long) r[1])));
        return ks.stream().filter(k -> !counts.getOrDefault(k.id(), 0L).equals(checkedAt.get(k.id()))).toList();
    }

    private long entries(K k) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerEntry.count("contractId", k.id()));
    }

    private void checkInvariants(K k) {
        QuarkusTransaction.requiringNew().run(() -> {
            Contract c = Contract.findById(k.id());
            List<LedgerEntry> entries = ledger.entries(c.id);
            Instant last = Instant.MIN;
            for (LedgerEntry e : entries) {
                assertTrue(e.amountCents > 0, "entry " + e.entryNo + " moves a positive amount");
                assertNotEquals(e.debitAccount, e.creditAccount, "entry " + e.entryNo + " has two sides");
                assertTrue(!e.effectiveAt.isBefore(last), "entries are effective in the order they were posted: " + e.entryNo);
                last = e.effectiveAt;
            }
            checkedAt.put(c.id, (long) entries.size());
            LedgerView v = ledger.view(c);
            assertEquals(0, v.sumOfBalances(), "Σ debits = Σ credits");
            long escrow = v.balance(Accounts.escrow(c));
            long inReview = v.balance(Accounts.inReview(c));
            long pending = v.balance(Accounts.pending(c));
            long available = v.balance(Accounts.available(c));
            long fees = v.balance(Accounts.PLATFORM_FEES);
            long arbitration = v.balance(Accounts.PLATFORM_ARBITRATION);
            long clientPaid = -v.balance(Accounts.clientFunding(c));
            // The freelancer pays nothing but their arbitration fee, from their own funding account.
            long freelancerPaid = -v.balance(Accounts.freelancerFunding(c));
            String where = "contract " + c.id + " " + v.balances();
            assertTrue(escrow >= 0, "escrow never negative: " + where);
            assertTrue(inReview >= 0 && pending >= 0 && available >= 0 && fees >= 0 && freelancerPaid >= 0,
                    "no negative balance: " + where);
            assertEquals(clientPaid + freelancerPaid, escrow + inReview + pending + available + fees + arbitration,
                    "money in = money out: " + where);
            assertEquals(v.total(EntryType.ARBITRATION_FEE), arbitration, "arbitration holds the fees paid, nothing else: " + where);
            long sum = v.earnings().stream().mapToLong(e -> e.amountCents()).sum();
            assertEquals(v.netEarningsCents(), Math.max(0, sum), "earnings sum to net earnings: " + where);
            assertEquals(v.total(EntryType.SERVICE_FEE) - v.total(EntryType.SERVICE_FEE_REVERSAL), fees, where);

            List<Milestone> ms = Milestone.list("contractId", c.id);
            assertEquals(escrow, ms.stream().mapToLong(Milestone::remainingCents).sum(), "escrow = what the milestones hold: " + where);
            for (Milestone m : ms) {
                assertTrue(m.releasedCents >= 0 && m.releasedCents <= m.fundedCents && m.fundedCents <= m.amountCents + m.rolledInCents
                        && m.remainingCents() >= 0, "milestone bounds " + m.id);
            }
            List<HourlyInvoice> invoices = HourlyInvoice.list("contractId", c.id);
            assertEquals(inReview, invoices.stream().mapToLong(i -> i.amountCents - i.refundedCents - i.clearedCents).sum(),
                    "in review = invoices not yet settled: " + where);
            List<PayoutHold> holds = PayoutHold.list("contractId = ?1 and clearedAt is null", c.id);
            assertEquals(pending, holds.stream().mapToLong(h -> h.netCents).sum(), "pending = uncleared holds: " + where);
            assertTrue(v.netEarningsCents() >= 0);
            if (c.status == ContractStatus.ENDED && c.type == ContractType.FIXED_PRICE
                    && Dispute.count("contractId = ?1 and status <> ?2", c.id, DisputeStatus.RESOLVED) == 0
                    && ms.stream().noneMatch(m -> m.status == MilestoneStatus.REFUND_REQUESTED)) {
                assertEquals(0, escrow, "an ended contract with every flow resolved holds no escrow: " + where);
            }
        });
    }

    private void checkClosedEvents(K k) {
        QuarkusTransaction.requiringNew().run(() -> {
            Contract c = Contract.findById(k.id());
            long closed = ((Number) Contract.getEntityManager().createNativeQuery(
                            "SELECT count(*) FROM outbox_message WHERE topic = 'contract-closed' AND payload LIKE ?1")
                    .setParameter(1, "%\"contractId\":\"" + c.id + "\"%").getSingleResult()).longValue();
            assertEquals(c.status == ContractStatus.ENDED ? 1 : 0, closed, "one contract-closed per ended contract " + c.id);
        });
    }
}
