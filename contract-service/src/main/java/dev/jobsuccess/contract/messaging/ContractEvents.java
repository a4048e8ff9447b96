package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.contract.contract.Contract;
import dev.jobsuccess.contract.ledger.AdjustmentCause;
import dev.jobsuccess.contract.ledger.LedgerView;

/** Turns contract state changes into events in the outbox, inside the caller's transaction, keyed by freelancerId. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContractEvents {

    private final Outbox outbox;

    ContractEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The freelancer accepted the offer: the contract is ACTIVE from {@code c.startedAt}. */
    public void started(Contract c) {
        var event = new ContractStartedEvent(UUID.randomUUID(), ContractStartedEvent.TYPE, 1, c.startedAt, c.id.toString(),
                c.clientId, c.freelancerId, c.type.name(), c.category, c.startedAt);
        outbox.publish(new OutgoingEvent(ContractStartedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }

    /**
     * An open contract's money reaching the freelancer changed (a payment, or a refund of one), or it was paused
     * or restarted: its status and money now, from the ledger. Every event carries the totals, so a consumer keeps
     * the latest per contract; {@code occurredAt} is the publication time, so the latest is also the most complete
     * even when a timer posts money with an earlier effective instant.
     */
    public void paymentRecorded(Contract c, LedgerView money, Instant occurredAt) {
        var event = new ContractPaymentRecordedEvent(UUID.randomUUID(), ContractPaymentRecordedEvent.TYPE, 1, occurredAt,
                c.id.toString(), c.clientId, c.freelancerId, c.status.name(), c.startedAt, "USD", money.netEarningsCents(),
                money.paymentInstants(), money.earnings());
        outbox.publish(new OutgoingEvent(ContractPaymentRecordedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(),
                event));
    }

    /** The contract ended: its money at that instant, from the ledger. */
    public void closed(Contract c, LedgerView money, long escrowRefundPendingCents, Instant feedbackWindowClosesAt) {
        var summary = new ContractClosedEvent.Money("USD", money.grossReleasedCents(), money.hourlyChargedCents(),
                money.bonusCents(), money.refundedCents(), money.netEarningsCents(), escrowRefundPendingCents);
        var event = new ContractClosedEvent(UUID.randomUUID(), ContractClosedEvent.TYPE, 1, c.endedAt,
                c.id.toString(), c.clientId, c.freelancerId, c.type.name(), c.category, c.title, c.startedAt, c.endedAt,
                c.endedBy.name(), c.endReason.name(), summary, money.paymentInstants(), money.earnings(),
                c.disputeOutcome.name(), feedbackWindowClosesAt);
        outbox.publish(new OutgoingEvent(ContractClosedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }

    /** A closed contract's net earnings or dispute outcome changed. */
    public void earningsAdjusted(Contract c, LedgerView money, long deltaCents, AdjustmentCause cause, Instant at) {
        var event = new ContractEarningsAdjustedEvent(UUID.randomUUID(), ContractEarningsAdjustedEvent.TYPE, 1, at,
                c.id.toString(), c.freelancerId, c.clientId, "USD", money.netEarningsCents(), deltaCents, cause.name(),
                money.paymentInstants(), money.earnings(), c.disputeOutcome.name());
        outbox.publish(new OutgoingEvent(ContractEarningsAdjustedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }

    /**
     * A fixed-price contract holding funds has had no activity for {@code noticeDay} days: it is closed at
     * {@code autoCloseAt} unless something happens on it first (S46). Published at the notice's due instant.
     */
    public void dormancyNotice(Contract c, int noticeDay, Instant at, Instant autoCloseAt, long escrowHeldCents) {
        var event = new ContractDormancyNoticeEvent(UUID.randomUUID(), ContractDormancyNoticeEvent.TYPE, 1, at, c.id.toString(),
                c.clientId, c.freelancerId, noticeDay, c.lastActivityAt, autoCloseAt, "USD", escrowHeldCents);
        outbox.publish(new OutgoingEvent(ContractDormancyNoticeEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(),
                event));
    }
}
