package dev.jobsuccess.feedback.window;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.feedback.feedback.EndReason;
import dev.jobsuccess.feedback.party.Party;

/**
 * The facts of a contract-closed event that feedback needs. {@code windowClosesAt} is the end of the feedback window
 * as contract-service, which owns that rule (domain.md §d.2), decided it when the contract ended.
 */
public record ClosedContract(UUID eventId, String eventType, String contractId, String clientId, String freelancerId,
                             Instant endedAt, Party endedBy, String endReasonCode, long netEarningsCents,
                             Instant windowClosesAt) {

    public static final String CLIENT_SUSPENDED = EndReason.CLIENT_SUSPENDED.name();

    /** The platform suspended the client: the client is flagged (§d.3.3). */
    public boolean clientSuspended() {
        return CLIENT_SUSPENDED.equals(endReasonCode);
    }
}
