package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.jobsuccess.contract.ledger.EarningsChange;

/** The contract-earnings-adjusted event, as docs/events/contract-earnings-adjusted.schema.json defines it. */
public record ContractEarningsAdjustedEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                            String contractId, String freelancerId, String clientId, String currency,
                                            long netEarningsCents, long deltaCents, String cause,
                                            List<Instant> paymentInstants, List<EarningsChange> earnings,
                                            String disputeOutcome) {

    public static final String TOPIC = "contract-earnings-adjusted";
    public static final String TYPE = "contract.earnings-adjusted";
}
