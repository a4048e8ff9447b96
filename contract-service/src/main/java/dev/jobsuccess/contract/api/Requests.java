package dev.jobsuccess.contract.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.contract.contract.ContractType;
import dev.jobsuccess.contract.contract.EndReason;
import dev.jobsuccess.contract.contract.EscrowAction;

/**
 * The request bodies of the contract API; money in integer USD cents, each amount bounded by the maxima of
 * {@code ContractConfig} ({@link MoneyLimit}), dates ISO-8601 UTC. Names, titles and ids are single lines; memos may span lines.
 */
public final class Requests {

    private Requests() {
    }

    @Schema(description = "A client's offer. HOURLY needs hourlyRateCents and weeklyLimitMinutes; FIXED_PRICE may list milestones.")
    public record CreateContract(
            @NotBlank @SingleLine @Size(max = 100) String freelancerId,
            @NotNull ContractType type,
            @NotBlank @SingleLine @Size(max = 200) String title,
            @SingleLine @Size(max = 100) String category,
            @Positive @MoneyLimit.HourlyRate Long hourlyRateCents,
            @Min(0) @Max(10_080) Integer weeklyLimitMinutes,
            @Size(max = 100) List<@NotNull @Valid NewMilestone> milestones) {}

    @Schema(description = "A milestone: at least 500 cents ($5), at most 100,000,000 ($1,000,000); the due date within a year"
            + " before and ten years after today.")
    public record NewMilestone(
            @NotBlank @SingleLine @Size(max = 500) String description,
            @NotNull @Positive @MoneyLimit.Amount Long amountCents,
            LocalDate dueDate) {}

    @Schema(description = "Ends the contract. A client with escrow chooses escrowAction (and payAmountCents with PAY_AMOUNT).")
    public record EndContract(
            @NotNull EndReason endReasonCode,
            EscrowAction escrowAction,
            @Positive @MoneyLimit.Amount Long payAmountCents) {}

    @Schema(description = "An amount of money: at most 100,000,000 cents ($1,000,000).")
    public record Amount(@NotNull @Positive @MoneyLimit.Amount Long amountCents) {}

    public record TimeEntry(
            @Schema(description = "A day of the current billing week; today when absent") LocalDate workDate,
            @NotNull @Min(1) @Max(1440) Integer minutes,
            @Size(max = 1000) String memo) {}

    public record WeeklyLimit(@NotNull @Min(0) @Max(10_080) Integer weeklyLimitMinutes) {}

    public record InvoiceDispute(@Schema(description = "The part disputed; the whole invoice when absent") @Positive @MoneyLimit.Amount Long disputedCents) {}

    public record HourlyDisputeDecision(@NotNull @PositiveOrZero @MoneyLimit.Amount Long refundCents) {}

    public record Mediation(@NotNull Boolean agreed, @PositiveOrZero @MoneyLimit.Amount Long freelancerCents) {}

    public record Arbitration(@NotNull Boolean clientPaid, @NotNull Boolean freelancerPaid, @PositiveOrZero @MoneyLimit.Amount Long freelancerAwardCents) {}
}
