package dev.jobsuccess.feedback.window;

import java.time.Instant;
import java.util.UUID;

/** The facts of a contract-earnings-adjusted event that feedback needs: the contract's new net earnings, as of when. */
public record EarningsAdjustment(UUID eventId, String eventType, String contractId, long netEarningsCents, Instant occurredAt) {}
