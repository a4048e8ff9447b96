package dev.jobsuccess.score.messaging;

import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.domain.ClosedContract;
import dev.jobsuccess.score.domain.EventCause;

/**
 * The parts of contract-closed (docs/events/contract-closed.schema.json) the score reads. Unknown
 * fields are ignored, so the producer may add some without breaking this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractClosedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                    String contractId, String clientId, String freelancerId, Instant startedAt,
                                    Instant endedAt, EndReason endReasonCode, Money money,
                                    List<Instant> paymentInstants, DisputeOutcome disputeOutcome) {

    public static final String TOPIC = "contract-closed";
    public static final String TYPE = "contract.closed";
    public static final int SCHEMA_VERSION = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(String currency, Long netEarningsCents) {}

    EventCause cause() {
        return new EventCause(required(eventId, "eventId"), required(eventType, "eventType"));
    }

    /** The contract's facts, once the message has been checked to be a contract-closed event of a version this service reads. */
    ClosedContract toClosedContract() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        required(money, "money");
        expect("USD", money.currency(), "money.currency");
        List<Instant> payments = required(paymentInstants, "paymentInstants");
        if (payments.contains(null)) {
            throw new InvalidEventException("paymentInstants must not contain null");
        }
        try {
            return new ClosedContract(required(contractId, "contractId"), required(freelancerId, "freelancerId"),
                    required(clientId, "clientId"), required(startedAt, "startedAt"), required(endedAt, "endedAt"),
                    required(money.netEarningsCents(), "money.netEarningsCents"), payments,
                    required(endReasonCode, "endReasonCode"), required(disputeOutcome, "disputeOutcome"),
                    required(occurredAt, "occurredAt"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
