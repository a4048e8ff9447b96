package dev.jobsuccess.feedback.messaging;

import dev.jobsuccess.commons.inbound.InvalidEventException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.jobsuccess.feedback.window.EarningsAdjustment;

/**
 * The fields of contract-earnings-adjusted (docs/events/contract-earnings-adjusted.schema.json) that feedback needs:
 * the new net earnings and the instant they hold from. Other fields are ignored, so the producer may add to the event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractEarningsAdjustedEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt,
                                            String contractId, Long netEarningsCents) {

    public static final String TOPIC = "contract-earnings-adjusted";
    public static final String TYPE = "contract.earnings-adjusted";
    public static final int SCHEMA_VERSION = 1;

    /** The domain's view of the event; throws when a field feedback relies on is missing or wrong. */
    EarningsAdjustment toAdjustment() {
        require(eventId != null, "eventId");
        require(TYPE.equals(eventType), "eventType");
        require(schemaVersion != null && schemaVersion == SCHEMA_VERSION, "schemaVersion");
        require(occurredAt != null, "occurredAt");
        require(contractId != null && !contractId.isBlank(), "contractId");
        require(netEarningsCents != null && netEarningsCents >= 0, "netEarningsCents");
        return new EarningsAdjustment(eventId, eventType, contractId, netEarningsCents, occurredAt);
    }

    private void require(boolean ok, String field) {
        if (!ok) {
            throw new InvalidEventException("contract-earnings-adjusted " + eventId + ": " + field + " is missing or invalid");
        }
    }
}
