package dev.jobsuccess.chaos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's model of one contract: what every 2xx answer on it committed, kept by the worker that drives it (one
 * thread per contract), and the ledger entries those answers must have posted. The money rules are contract-service's
 * (contract-service/API.md; Settlement): a 10 % fee floored on each release and bonus, a partial release rolling the
 * rest into the next open milestone, settlement of escrow at the end by milestone order.
 */
final class ModelContract {

    /** One expected ledger entry; compared with the stored ones as a multiset. */
    record Entry(String type, String debit, String credit, long cents) {}

    enum Status { OFFER_PENDING, OFFER_CANCELLED, ACTIVE, PAUSED, ENDED }

    static final class Milestone {
        final String id;
        final long amount;
        long funded;
        long released;
        long refunded;
        long rolledOut;
        String status = "CREATED";

        Milestone(String id, long amount) {
            this.id = id;
            this.amount = amount;
        }

        long remaining() {
            return funded - released - refunded - rolledOut;
        }

        boolean open() {
            return switch (status) {
                case "CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED" -> true;
                default -> false;
            };
        }

        boolean inRefund() {
            return remaining() > 0 && switch (status) {
                case "REFUND_REQUESTED", "DISPUTED", "IN_MEDIATION", "ARBITRATION_OFFERED" -> true;
                default -> false;
            };
        }
    }

    /** The client's end-of-contract feedback as the model knows it. */
    record ClientFeedback(String feedbackId, int recommend, BigDecimal overall, String privateEndReason) {}

    static final long FEE_BPS = 1000;
    static final long ARBITRATION_FEE_CENTS = 29_100;

    final String id;
    final String clientId;
    final String freelancerId;
    final boolean hourly;
    final List<Milestone> milestones = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    Status status = Status.OFFER_PENDING;
    LocalDate startedAt;
    LocalDate endedAt;
    String endedBy;
    String endReason;
    String disputeOutcome = "NONE";
    ClientFeedback clientFeedback;
    String freelancerFeedbackId;
    /** A request on it got no definite answer: what it committed is unknown, so its ledger cannot be compared. */
    boolean uncertain;

    ModelContract(String id, String clientId, String freelancerId, boolean hourly) {
        this.id = id;
        this.clientId = clientId;
        this.freelancerId = freelancerId;
        this.hourly = hourly;
    }

    String escrow() {
        return "escrow:" + id;
    }

    String clientFunding() {
        return "client:" + clientId + ":funding";
    }

    String pending() {
        return "fl:" + freelancerId + ":pending";
    }

    long escrowHeld() {
        return milestones.stream().mapToLong(Milestone::remaining).sum();
    }

    /** Net earnings (§d.1.4): releases, cleared hourly charges and bonuses, less refunds of paid money, never below 0. */
    long netEarnings() {
        long net = 0;
        for (Entry e : entries) {
            switch (e.type()) {
                case "ESCROW_RELEASE", "HOURLY_REVIEW_CLEARED", "BONUS" -> net += e.cents();
                case "POST_RELEASE_REFUND" -> net -= e.cents();
                default -> { }
            }
        }
        return Math.max(0, net);
    }

    boolean paid() {
        return entries.stream().anyMatch(e -> switch (e.type()) {
            case "ESCROW_RELEASE", "HOURLY_REVIEW_CLEARED", "BONUS" -> true;
            default -> false;
        });
    }

    // ---- the money movements of the requests the workload sends --------------------------------------------------

    void fund(Milestone m) {
        long needed = Math.max(0, m.amount - m.funded);
        if (needed > 0) {
            entries.add(new Entry("ESCROW_DEPOSIT", clientFunding(), escrow(), needed));
        }
        m.funded += needed;
        m.status = "FUNDED";
    }

    private void payout(long gross) {
        long fee = Math.floorDiv(gross * FEE_BPS, 10_000L);
        if (fee > 0) {
            entries.add(new Entry("SERVICE_FEE", pending(), "platform:fees", fee));
        }
    }

    private void releaseEscrow(Milestone m, long cents) {
        entries.add(new Entry("ESCROW_RELEASE", escrow(), pending(), cents));
        m.released += cents;
        payout(cents);
    }

    private void refundEscrow(Milestone m, long cents) {
        entries.add(new Entry("ESCROW_REFUND", escrow(), clientFunding(), cents));
        m.refunded += cents;
    }

    /** approve (the agreed amount) or release(x): less than agreed rolls the rest into the next open milestone. */
    void releaseMilestone(Milestone m, long cents) {
        releaseEscrow(m, cents);
        m.status = m.released >= m.amount ? "RELEASED" : "PARTIALLY_RELEASED";
        long rest = m.remaining();
        if (rest > 0) {
            int at = milestones.indexOf(m);
            for (Milestone next : milestones.subList(at + 1, milestones.size())) {
                if (next.open()) {
                    m.rolledOut += rest;
                    next.funded += rest;
                    if (next.status.equals("CREATED") && next.funded >= next.amount) {
                        next.status = "FUNDED";
                    }
                    break;
                }
            }
        }
    }

    long approveAmount(Milestone m) {
        long due = m.amount - m.released;
        return due > 0 ? Math.min(due, m.remaining()) : m.remaining();
    }

    void bonus(long cents) {
        entries.add(new Entry("BONUS", clientFunding(), pending(), cents));
        payout(cents);
    }

    /** The end of a fixed-price contract: a freelancer refunds all escrow; a client pays payCents and asks the rest back. */
    void settleEscrowAtEnd(String by, long payCents) {
        for (Milestone m : milestones) {
            if (m.status.equals("CREATED") && m.remaining() == 0) {
                m.status = "CANCELLED";
            }
        }
        if (by.equals("FREELANCER")) {
            for (Milestone m : milestones) {
                long held = m.remaining();
                if (held > 0) {
                    refundEscrow(m, held);
                    if (m.open()) {
                        m.status = "REFUNDED";
                    }
                }
            }
            return;
        }
        long toPay = payCents;
        for (Milestone m : milestones) {
            long part = Math.min(toPay, m.remaining());
            if (part > 0) {
                releaseEscrow(m, part);
                toPay -= part;
                if (m.remaining() == 0) {
                    m.status = m.released >= m.amount ? "RELEASED" : "PARTIALLY_RELEASED";
                }
            }
        }
        for (Milestone m : milestones) {
            if (m.remaining() > 0) {
                m.status = "REFUND_REQUESTED";
            }
        }
    }

    long refundPending() {
        return milestones.stream().filter(Milestone::inRefund).mapToLong(Milestone::remaining).sum();
    }

    void markInRefund(String status) {
        milestones.stream().filter(Milestone::inRefund).forEach(m -> m.status = status);
    }

    /** Pays toFreelancer of the escrow under the refund request (milestone order) and refunds the rest. */
    void settleRefund(long toFreelancer, String finalStatus) {
        long left = toFreelancer;
        for (Milestone m : milestones.stream().filter(Milestone::inRefund).toList()) {
            long pay = Math.min(left, m.remaining());
            if (pay > 0) {
                releaseEscrow(m, pay);
                left -= pay;
            }
            long back = m.remaining();
            if (back > 0) {
                refundEscrow(m, back);
            }
            m.status = finalStatus != null ? finalStatus : pay > 0 ? "RELEASED" : "REFUNDED";
        }
    }

    /** A dispute ends: toFreelancer of what it holds released, the rest refunded; the outcome is the split's. */
    void resolveDispute(long toFreelancer, String finalStatus) {
        long held = refundPending();
        long pay = Math.min(toFreelancer, held);
        settleRefund(pay, finalStatus);
        disputeOutcome = pay >= held ? "FREELANCER_WON" : pay <= 0 ? "CLIENT_WON" : "SPLIT";
    }

    void arbitrationFee(boolean client) {
        entries.add(new Entry("ARBITRATION_FEE", client ? clientFunding() : "fl:" + freelancerId + ":funding",
                "platform:arbitration", ARBITRATION_FEE_CENTS));
    }
}
