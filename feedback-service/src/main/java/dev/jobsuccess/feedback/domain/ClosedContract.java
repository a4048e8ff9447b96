package dev.jobsuccess.feedback.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The facts of a contract-closed event that feedback needs. {@code announcedClosesAt} is the window end the
 * producer computed; this service computes its own and only compares.
 */
public record ClosedContract(UUID eventId, String eventType, String contractId, String clientId, String freelancerId,
                             Instant endedAt, Party endedBy, String endReasonCode, long netEarningsCents,
                             Instant announcedClosesAt) {

    public static final String CLIENT_SUSPENDED = EndReason.CLIENT_SUSPENDED.name();

    /** The platform suspended the client: the client is flagged (§d.3.3). */
    public boolean clientSuspended() {
        return CLIENT_SUSPENDED.equals(endReasonCode);
    }
}
