package dev.jobsuccess.contract.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.outbox.Outbox;
import dev.jobsuccess.commons.outbox.OutgoingEvent;
import dev.jobsuccess.contract.domain.Contract;
import dev.jobsuccess.contract.domain.FeedbackWindow;

/** Turns contract state changes into events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ContractEvents {

    private final Outbox outbox;

    ContractEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void closed(Contract c) {
        long paid = c.paidCents;
        var money = new ContractClosedEvent.Money("USD",
                c.type == dev.jobsuccess.contract.domain.ContractType.FIXED_PRICE ? paid : 0,
                c.type == dev.jobsuccess.contract.domain.ContractType.HOURLY ? paid : 0,
                0, 0, paid, 0);
        var event = new ContractClosedEvent(UUID.randomUUID(), ContractClosedEvent.TYPE, 1, c.endedAt,
                c.id.toString(), c.clientId, c.freelancerId, c.type.name(), c.category, c.title, c.startedAt, c.endedAt,
                c.endedBy.name(), c.endReason.name(), money,
                // Until the ledger records each payment, the skeleton dates the amount paid at the end.
                paid > 0 ? List.of(c.endedAt) : List.of(),
                "NONE", FeedbackWindow.closesAt(c.endedAt));
        outbox.publish(new OutgoingEvent(ContractClosedEvent.TOPIC, c.freelancerId, event.eventId(), event.eventType(), event));
    }
}
