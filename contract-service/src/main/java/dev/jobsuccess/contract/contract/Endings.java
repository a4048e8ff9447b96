package dev.jobsuccess.contract.contract;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.messaging.ContractEvents;
import dev.jobsuccess.contract.milestone.Milestone;

/** Ends a contract (by the client, the freelancer or the system), settles its escrow and publishes contract-closed. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Endings {

    private final Ledger ledger;
    private final Settlement settlement;
    private final ContractEvents events;
    private final ContractConfig config;

    Endings(Ledger ledger, Settlement settlement, ContractEvents events, ContractConfig config) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.events = events;
        this.config = config;
    }

    public void end(Contract c, Party by, EndReason reason, EscrowAction action, Long payAmountCents, Instant at) {
        c.requireRunning();
        if (!reason.mayBeChosenBy(by)) {
            throw ProblemException.badRequest("endReasonCode", reason + " may not be chosen by the " + by.name().toLowerCase());
        }
        long pay = 0;
        if (c.type == ContractType.HOURLY || by != Party.CLIENT) {
            if (action != null || payAmountCents != null) {
                throw ProblemException.badRequest("escrowAction", c.type == ContractType.HOURLY
                        ? "an hourly contract holds no escrow" : "only a client chooses what happens to the escrow");
            }
        } else {
            long escrow = settlement.milestones(c.id).stream().mapToLong(Milestone::remainingCents).sum();
            if (escrow > 0 && action == null) {
                throw ProblemException.badRequest("escrowAction",
                        "required: " + escrow + " cents are in escrow; choose REQUEST_REFUND or PAY_AMOUNT");
            }
            if (action == EscrowAction.PAY_AMOUNT) {
                if (payAmountCents == null || payAmountCents <= 0) {
                    throw ProblemException.badRequest("payAmountCents", "required and positive with PAY_AMOUNT");
                }
                pay = payAmountCents;
            } else if (payAmountCents != null) {
                throw ProblemException.badRequest("payAmountCents", "only with escrowAction PAY_AMOUNT");
            }
        }
        c.end(by, reason, at);
        if (c.type == ContractType.FIXED_PRICE) {
            settlement.settleEscrowAtEnd(ledger.posting(c, "END:" + c.id, at), c, by, pay);
        }
        events.closed(c, ledger.view(c), settlement.escrowRefundPendingCents(c),
                FeedbackWindow.closesAt(at, config.feedbackWindowDays()));
    }
}
