package dev.jobsuccess.contract.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.jobsuccess.contract.domain.ContractType;

public record CreateContractRequest(
        @NotBlank @Size(max = 100) String freelancerId,
        @NotNull ContractType type,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 100) String category) {}
