package dev.jobsuccess.contract.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import dev.jobsuccess.contract.domain.EndReason;

/** Walking skeleton: the amount paid so far is stated here until the ledger tracks payments. */
public record EndContractRequest(@NotNull EndReason endReasonCode, @NotNull @PositiveOrZero Long paidCents) {}
