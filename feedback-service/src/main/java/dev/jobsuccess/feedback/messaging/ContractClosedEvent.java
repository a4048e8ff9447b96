package dev.jobsuccess.feedback.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.feedback.party.Party;
import dev.jobsuccess.feedback.window.ClosedContract;

/**
 * The fields of contract-closed (docs/events/contract-closed.schema.json) that feedback needs. Other fields are
 * ignored, so the producer may add to the event without breaking this reader.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractClosedEvent(UUID eventId, String eventType, Integer schemaVersion, String contractId,
                                  String clientId, String freelancerId, Instant endedAt, Party endedBy,
                                  String endReasonCode, Money money, Instant feedbackWindowClosesAt) {

    public static final String TOPIC = "contract-closed";
    public static final String TYPE = "contract.closed";
    public static final int SCHEMA_VERSION = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(Long netEarningsCents) {}

    /** The domain's view of the event; throws when a field feedback relies on is missing or wrong. */
    ClosedContract toClosedContract() {
        require(eventId != null, "eventId");
        require(TYPE.equals(eventType), "eventType");
        require(schemaVersion != null && schemaVersion == SCHEMA_VERSION, "schemaVersion");
        require(present(contractId), "contractId");
        require(present(clientId), "clientId");
        require(present(freelancerId), "freelancerId");
        require(endedAt != null, "endedAt");
        require(endedBy != null, "endedBy");
        require(money != null && money.netEarningsCents() != null && money.netEarningsCents() >= 0, "money.netEarningsCents");
        // Required by the schema: the window's end is contract-service's rule, so without it there is no window to open.
        require(feedbackWindowClosesAt != null && !feedbackWindowClosesAt.isBefore(endedAt), "feedbackWindowClosesAt");
        return new ClosedContract(eventId, eventType, contractId, clientId, freelancerId, endedAt, endedBy, endReasonCode,
                money.netEarningsCents(), feedbackWindowClosesAt);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidEventException("contract-closed " + eventId + ": " + field + " is missing or invalid");
        }
    }
}
