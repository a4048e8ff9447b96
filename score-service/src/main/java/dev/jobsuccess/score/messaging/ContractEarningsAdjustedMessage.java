package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.score.facts.EarningsAdjustment;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;

/** The parts of contract-earnings-adjusted (docs/events/contract-earnings-adjusted.schema.json) the score reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractEarningsAdjustedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                              String contractId, String freelancerId, String clientId, String currency,
                                              Long netEarningsCents, String cause, List<Instant> paymentInstants,
                                              DisputeOutcome disputeOutcome,
                                              List<EventJson.EarningItem> earnings) implements ScoreInput {

    public static final String TOPIC = "contract-earnings-adjusted";
    public static final String TYPE = "contract.earnings-adjusted";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        expect("USD", currency, "currency");
        EventCause eventCause = new EventCause(required(eventId, "eventId"), eventType);
        try {
            return new IncomingFact(eventCause, new EarningsAdjustment(required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"),
                    required(netEarningsCents, "netEarningsCents"), EventJson.instants(paymentInstants, "paymentInstants"),
                    required(disputeOutcome, "disputeOutcome"), required(cause, "cause"), required(occurredAt, "occurredAt"),
                    EventJson.earnings(earnings)));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
