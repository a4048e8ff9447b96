package dev.jobsuccess.feedback.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The facts of a contract-closed event that feedback needs. {@code announcedClosesAt} is the window end the
 * producer computed; this service computes its own and only compares.
 */
public record ClosedContract(UUID eventId, String eventType, String contractId, String clientId, String freelancerId,
                             Instant endedAt, Party endedBy, long netEarningsCents, Instant announcedClosesAt) {}
