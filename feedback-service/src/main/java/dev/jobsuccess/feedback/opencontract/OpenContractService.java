package dev.jobsuccess.feedback.opencontract;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.jobsuccess.feedback.feedback.FeedbackService;
import dev.jobsuccess.feedback.window.ContractEarnings;

/**
 * Keeps the open contracts current from contract-started and contract-payment-recorded (each applied once: the inbound
 * path's inbox drops redeliveries), for the mid-contract feedback rules (§d.2 rule 1, S17) and the profile visibility of
 * that feedback (§d.2 rule 4).
 */
@ApplicationScoped
public class OpenContractService {

    private static final Logger LOG = Logger.getLogger(OpenContractService.class);

    private final Clock clock;
    private final FeedbackService feedback;

    OpenContractService(Clock clock, FeedbackService feedback) {
        this.clock = clock;
        this.feedback = feedback;
    }

    @Transactional
    public boolean started(OpenContract.ContractStart start) {
        boolean recorded = OpenContract.started(start, clock.instant());
        if (!recorded) {
            LOG.infof("contract-started for contract %s: the contract is already known; ignored", start.contractId());
        }
        return recorded;
    }

    /**
     * Records the contract's totals unless newer ones are known; its mid-contract feedback then shows on the profile or
     * stops showing with the new net earnings. True when this event's totals are now the contract's.
     */
    @Transactional
    public boolean paymentRecorded(OpenContract.PaymentRecord payment) {
        boolean applied = OpenContract.paymentRecorded(payment, clock.instant());
        if (!applied) {
            LOG.infof("contract-payment-recorded for contract %s is older than what is known; ignored", payment.contractId());
            return false;
        }
        // Once the contract has closed, contract-closed and contract-earnings-adjusted own its net earnings.
        long net = ContractEarnings.of(payment.contractId(), payment.netEarningsCents());
        feedback.earningsChanged(payment.contractId(), net);
        return true;
    }
}
