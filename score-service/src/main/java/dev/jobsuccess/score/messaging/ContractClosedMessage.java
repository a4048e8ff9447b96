package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.facts.ClosedContract;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;

/**
 * The parts of contract-closed (docs/events/contract-closed.schema.json) the score reads. Unknown
 * fields are ignored, so the producer may add some without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractClosedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                    String contractId, String clientId, String freelancerId, Instant startedAt,
                                    Instant endedAt, EndedBy endedBy, EndReason endReasonCode, Money money,
                                    List<Instant> paymentInstants, DisputeOutcome disputeOutcome, String category,
                                    List<EventJson.EarningItem> earnings) implements ScoreInput {

    public static final String TOPIC = "contract-closed";
    public static final String TYPE = "contract.closed";
    public static final int SCHEMA_VERSION = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(String currency, Long netEarningsCents) {}

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        required(money, "money");
        expect("USD", money.currency(), "money.currency");
        List<Instant> payments = EventJson.instants(paymentInstants, "paymentInstants");
        try {
            return new IncomingFact(cause, new ClosedContract(required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"), required(startedAt, "startedAt"),
                    required(endedAt, "endedAt"), required(money.netEarningsCents(), "money.netEarningsCents"), payments,
                    required(endReasonCode, "endReasonCode"), required(endedBy, "endedBy"),
                    required(disputeOutcome, "disputeOutcome"), required(occurredAt, "occurredAt"), category,
                    EventJson.earnings(earnings)));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
