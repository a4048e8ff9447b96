package dev.jobsuccess.contract.api;

import java.time.Instant;
import java.util.UUID;

import dev.jobsuccess.contract.domain.Contract;
import dev.jobsuccess.contract.domain.ContractStatus;
import dev.jobsuccess.contract.domain.ContractType;
import dev.jobsuccess.contract.domain.EndReason;
import dev.jobsuccess.contract.domain.FeedbackWindow;
import dev.jobsuccess.contract.domain.Party;

public record ContractResponse(UUID contractId, String clientId, String freelancerId, ContractType type, String title,
                               String category, ContractStatus status, Instant createdAt, Instant startedAt,
                               Instant endedAt, Party endedBy, EndReason endReasonCode, long paidCents,
                               Instant feedbackWindowClosesAt) {

    static ContractResponse of(Contract c) {
        return new ContractResponse(c.id, c.clientId, c.freelancerId, c.type, c.title, c.category, c.status, c.createdAt,
                c.startedAt, c.endedAt, c.endedBy, c.endReason, c.paidCents,
                c.endedAt == null ? null : FeedbackWindow.closesAt(c.endedAt));
    }
}
