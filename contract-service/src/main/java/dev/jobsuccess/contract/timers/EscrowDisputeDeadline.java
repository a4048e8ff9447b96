package dev.jobsuccess.contract.timers;

import java.time.Instant;

import jakarta.inject.Singleton;

import dev.jobsuccess.contract.config.ContractConfig;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.dispute.Dispute;
import dev.jobsuccess.contract.dispute.DisputeResolution;
import dev.jobsuccess.contract.dispute.DisputeStatus;
import dev.jobsuccess.contract.dispute.Disputes;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.Ledger;
import dev.jobsuccess.contract.ledger.Settlement;
import dev.jobsuccess.contract.milestone.MilestoneStatus;

/**
 * The deadlines of an escrow dispute (PUB S37, S38): the client's silence releases the escrow, a mediation
 * without agreement offers arbitration, and arbitration nobody paid for refunds the client.
 */
@Singleton
class EscrowDisputeDeadline implements TimerRule {

    private final Ledger ledger;
    private final Settlement settlement;
    private final ContractConfig config;

    EscrowDisputeDeadline(Ledger ledger, Settlement settlement, ContractConfig config) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.config = config;
    }

    @Override
    public String dueSql() {
        return """
                SELECT contract_id, CASE status WHEN 'AWAITING_CLIENT' THEN client_response_deadline
                                                WHEN 'IN_MEDIATION' THEN mediation_deadline
                                                ELSE arbitration_deadline END AS due
                  FROM dispute WHERE status <> 'RESOLVED'
                   AND CASE status WHEN 'AWAITING_CLIENT' THEN client_response_deadline
                                   WHEN 'IN_MEDIATION' THEN mediation_deadline
                                   ELSE arbitration_deadline END <= ?1""";
    }

    @Override
    public DueTimer next(Contract c, Instant now) {
        Dispute d = Dispute.find("contractId = ?1 and status <> ?2", c.id, DisputeStatus.RESOLVED).firstResult();
        if (d == null) {
            return null;
        }
        return switch (d.status) {
            case AWAITING_CLIENT -> d.clientResponseDeadline.isAfter(now) ? null : new DueTimer(d.clientResponseDeadline, () -> {
                // The client did not respond within 5 business days: the escrow goes to the freelancer (PUB S37).
                var before = settlement.snapshot(c);
                Disputes.resolve(settlement, ledger.posting(c, "DISPUTE_SILENT:" + d.id, d.clientResponseDeadline), c, d,
                        d.amountCents, MilestoneStatus.RELEASED, DisputeResolution.CLIENT_SILENT);
                settlement.adjusted(c, before, AdjustmentCause.ESCROW_REFUND_RESOLVED, d.clientResponseDeadline);
            });
            case IN_MEDIATION -> d.mediationDeadline.isAfter(now) ? null : new DueTimer(d.mediationDeadline, () -> {
                // No agreement within the mediation period: arbitration is offered (PUB S37, S38).
                Disputes.offerArbitration(settlement, c, d, d.mediationDeadline, config.arbitrationPaymentDays());
            });
            case ARBITRATION_OFFERED -> d.arbitrationDeadline.isAfter(now) ? null : new DueTimer(d.arbitrationDeadline, () -> {
                // Neither party paid the arbitration fee in time: the client gets the funds (PUB S38).
                var before = settlement.snapshot(c);
                d.arbitrationFeesPaid(false, false);
                Disputes.resolve(settlement, ledger.posting(c, "ARBITRATION_LAPSED:" + d.id, d.arbitrationDeadline), c, d,
                        0, MilestoneStatus.REFUNDED, DisputeResolution.ARBITRATION_NEITHER_PAID);
                settlement.adjusted(c, before, AdjustmentCause.ARBITRATION, d.arbitrationDeadline);
            });
            case RESOLVED -> null;
        };
    }
}
