package dev.jobsuccess.score.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import static dev.jobsuccess.score.messaging.EventJson.expect;
import static dev.jobsuccess.score.messaging.EventJson.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.score.facts.EventCause;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.facts.OpenContractPayment;

/** The parts of contract-payment-recorded (docs/events/contract-payment-recorded.schema.json) the score reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractPaymentRecordedMessage(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                             String contractId, String clientId, String freelancerId, ContractStatus status,
                                             Instant startedAt, String currency, Long netEarningsCents,
                                             List<Instant> paymentInstants,
                                             List<EventJson.EarningItem> earnings) implements ScoreInput {

    public static final String TOPIC = "contract-payment-recorded";
    public static final String TYPE = "contract.payment-recorded";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public IncomingFact toFact() {
        expect(TYPE, eventType, "eventType");
        expect(SCHEMA_VERSION, schemaVersion, "schemaVersion");
        expect("USD", currency, "currency");
        EventCause cause = new EventCause(required(eventId, "eventId"), eventType);
        try {
            return new IncomingFact(cause, new OpenContractPayment(required(contractId, "contractId"),
                    required(freelancerId, "freelancerId"), required(clientId, "clientId"), required(status, "status"),
                    required(startedAt, "startedAt"), required(netEarningsCents, "netEarningsCents"),
                    EventJson.instants(paymentInstants, "paymentInstants"), required(occurredAt, "occurredAt"),
                    EventJson.earnings(earnings)));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
    }
}
