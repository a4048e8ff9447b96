package dev.jobsuccess.contract.messaging;

import java.time.Instant;
import java.util.UUID;

/** The contract-dormancy-notice event, as docs/events/contract-dormancy-notice.schema.json defines it. */
public record ContractDormancyNoticeEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
                                          String contractId, String clientId, String freelancerId, int noticeDay,
                                          Instant inactiveSince, Instant autoCloseAt, String currency, long escrowHeldCents) {

    public static final String TOPIC = "contract-dormancy-notice";
    public static final String TYPE = "contract.dormancy-notice";
}
