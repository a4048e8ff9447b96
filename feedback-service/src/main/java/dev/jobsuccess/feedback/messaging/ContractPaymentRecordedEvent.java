package dev.jobsuccess.feedback.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.feedback.opencontract.OpenContract;

/**
 * The fields of contract-payment-recorded (docs/events/contract-payment-recorded.schema.json) that feedback needs: the
 * open contract's status and money so far, as of occurredAt. Other fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractPaymentRecordedEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                           String contractId, String clientId, String freelancerId,
                                           OpenContract.Status status, Instant startedAt, Long netEarningsCents,
                                           List<Instant> paymentInstants) {

    public static final String TOPIC = "contract-payment-recorded";
    public static final String TYPE = "contract.payment-recorded";
    public static final int SCHEMA_VERSION = 1;

    /** The domain's view of the event; throws when a field feedback relies on is missing or wrong. */
    OpenContract.PaymentRecord toPaymentRecord() {
        require(eventId != null, "eventId");
        require(TYPE.equals(eventType), "eventType");
        require(schemaVersion != null && schemaVersion == SCHEMA_VERSION, "schemaVersion");
        require(occurredAt != null, "occurredAt");
        require(present(contractId), "contractId");
        require(present(clientId), "clientId");
        require(present(freelancerId), "freelancerId");
        require(status != null, "status");
        require(startedAt != null, "startedAt");
        require(netEarningsCents != null && netEarningsCents >= 0, "netEarningsCents");
        require(paymentInstants != null && paymentInstants.stream().allMatch(p -> p != null), "paymentInstants");
        return new OpenContract.PaymentRecord(contractId, clientId, freelancerId, status, startedAt, netEarningsCents,
                List.copyOf(paymentInstants), occurredAt);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidEventException("contract-payment-recorded " + eventId + ": " + field + " is missing or invalid");
        }
    }
}
