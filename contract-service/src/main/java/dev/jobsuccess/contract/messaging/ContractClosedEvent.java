package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.jobsuccess.contract.ledger.EarningsChange;

/** The contract-closed event, as docs/events/contract-closed.schema.json defines it. */
public record ContractClosedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                  String contractId, String clientId, String freelancerId, String contractType,
                                  String category, String title, Instant startedAt, Instant endedAt, String endedBy,
                                  String endReasonCode, Money money, List<Instant> paymentInstants,
                                  List<EarningsChange> earnings, String disputeOutcome, Instant feedbackWindowClosesAt) {

    public static final String TOPIC = "contract-closed";
    public static final String TYPE = "contract.closed";

    public record Money(String currency, long grossReleasedCents, long hourlyChargedCents, long bonusCents,
                        long refundedCents, long netEarningsCents, long escrowRefundPendingCents) {}
}
