package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.contract.domain.AdjustmentCause;
import dev.jobsuccess.contract.domain.Contract;
import dev.jobsuccess.contract.domain.LedgerView;

/** Turns contract state changes into events in the outbox, inside the caller's transaction, keyed by freelancerId. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContractEvents {

    private final Outbox outbox;

    ContractEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The contract ended: its money at that instant, from the ledger. */
    public void closed(Contract c, LedgerView money, long escrowRefundPendingCents, Instant feedbackWindowClosesAt) {
        var summary = new ContractClosedEvent.Money("USD", money.grossReleasedCents(), money.hourlyChargedCents(),
                money.bonusCents(), money.refundedCents(), money.netEarningsCents(), escrowRefundPendingCents);
        var event = new ContractClosedEvent(UUID.randomUUID(), ContractClosedEvent.TYPE, 1, c.endedAt,
                c.id.toString(), c.clientId, c.freelancerId, c.type.name(), c.category, c.title, c.startedAt, c.endedAt,
                c.endedBy.name(), c.endReason.name(), summary, money.paymentInstants(), c.disputeOutcome.name(),
                feedbackWindowClosesAt);
        outbox.publish(new OutgoingEvent(ContractClosedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }

    /** A closed contract's net earnings or dispute outcome changed. */
    public void earningsAdjusted(Contract c, LedgerView money, long deltaCents, AdjustmentCause cause, Instant at) {
        var event = new ContractEarningsAdjustedEvent(UUID.randomUUID(), ContractEarningsAdjustedEvent.TYPE, 1, at,
                c.id.toString(), c.freelancerId, c.clientId, "USD", money.netEarningsCents(), deltaCents, cause.name(),
                money.paymentInstants(), c.disputeOutcome.name());
        outbox.publish(new OutgoingEvent(ContractEarningsAdjustedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }
}
