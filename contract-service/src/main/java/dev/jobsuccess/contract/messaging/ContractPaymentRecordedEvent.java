package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.jobsuccess.contract.ledger.EarningsChange;

/** The contract-payment-recorded event, as docs/events/contract-payment-recorded.schema.json defines it. */
public record ContractPaymentRecordedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                           String contractId, String clientId, String freelancerId, String status,
                                           Instant startedAt, String currency, long netEarningsCents,
                                           List<Instant> paymentInstants, List<EarningsChange> earnings) {

    public static final String TOPIC = "contract-payment-recorded";
    public static final String TYPE = "contract.payment-recorded";
}
