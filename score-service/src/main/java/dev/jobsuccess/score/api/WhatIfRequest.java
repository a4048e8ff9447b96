package dev.jobsuccess.score.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;
import dev.jobsuccess.score.facts.EndedBy;
import dev.jobsuccess.score.whatif.WhatIf;

/**
 * A what-if question: hypothetical changes to the freelancer's real facts, and the date to look at.
 *
 * @param asOf the date of the "after" score; omitted for today
 * @param includeUnrevealedFeedback PLATFORM only: start from unrevealed client feedback too
 * @param changes applied in order
 */
public record WhatIfRequest(
        @Schema(description = "The date of the \"after\" score: from today up to jobsuccess.score.limits.what-if-days-ahead "
                + "(default 3650) days later; omitted for today")
        LocalDate asOf,
        Boolean includeUnrevealedFeedback,
        @Schema(description = "Applied in order; at most jobsuccess.score.limits.what-if-changes (default 100), a new "
                + "contract with at most payment-dates-per-contract (default 1000) payment dates")
        List<Change> changes) {

    /** One change, named by its {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Refund.class, name = "REFUND"),
            @JsonSubTypes.Type(value = PrivateRating.class, name = "PRIVATE_RATING"),
            @JsonSubTypes.Type(value = PublicRating.class, name = "PUBLIC_RATING"),
            @JsonSubTypes.Type(value = NewContract.class, name = "NEW_CONTRACT"),
            @JsonSubTypes.Type(value = EndContract.class, name = "END_CONTRACT"),
            @JsonSubTypes.Type(value = DisputeOutcomeChange.class, name = "DISPUTE_OUTCOME")})
    public sealed interface Change permits Refund, PrivateRating, PublicRating, NewContract, EndContract, DisputeOutcomeChange {}

    /** The contract is refunded down to {@code netEarningsCents} (0: a full refund). */
    public record Refund(String contractId, Long netEarningsCents) implements Change {}

    /** The client's private 0–10 rating is {@code privateRecommend}; null or omitted: the client leaves none. */
    public record PrivateRating(String contractId, Integer privateRecommend) implements Change {}

    /** The client's public overall rating is {@code publicOverall} (1.00–5.00); null or omitted: none. */
    public record PublicRating(String contractId, BigDecimal publicOverall) implements Change {}

    /** A new contract, in the JSON of jss-engine-api.md "Request" (contracts[]). */
    public record NewContract(ContractRecord contract) implements Change {}

    /**
     * An open contract ends (see API.md "Ending a contract, disputes"): who ends it and why, what is paid at the end out of
     * what escrow, on which date (omitted: asOf), and optionally the client's end-of-contract feedback.
     */
    public record EndContract(String contractId,
                              @Schema(description = "CLIENT or FREELANCER") EndedBy endedBy,
                              @Schema(description = "An EndReason the party ending may choose (domain.md §d.1.1)") EndReason endReason,
                              @Schema(description = "NONE, PART (paymentCents) or FULL (the whole escrowCents)") WhatIf.EndPayment payment,
                              Long paymentCents,
                              @Schema(description = "Fixed-price: the escrow balance at the end; omitted: none") Long escrowCents,
                              @Schema(description = "From today to asOf; omitted: asOf") LocalDate endedAt,
                              Integer privateRecommend, BigDecimal publicOverall) implements Change {}

    /** A dispute on the contract is resolved: FREELANCER_WON, SPLIT (freelancerShareCents of disputed escrow) or CLIENT_WON. */
    public record DisputeOutcomeChange(String contractId, DisputeOutcome outcome, Long freelancerShareCents) implements Change {}

    WhatIf.Question toQuestion() {
        List<WhatIf.Change> out = new ArrayList<>();
        List<Change> given = changes == null ? List.of() : changes;
        for (int i = 0; i < given.size(); i++) {
            String field = "changes[" + i + "]";
            out.add(switch (given.get(i)) {
                case null -> throw ProblemException.badRequest(field, "must not be null");
                case Refund r -> {
                    if (r.netEarningsCents() == null) {
                        throw ProblemException.badRequest(field + ".netEarningsCents", "is required");
                    }
                    yield new WhatIf.Refund(r.contractId(), r.netEarningsCents());
                }
                case PrivateRating r -> new WhatIf.PrivateRating(r.contractId(), r.privateRecommend());
                case PublicRating r -> new WhatIf.PublicRating(r.contractId(), r.publicOverall());
                case NewContract n -> new WhatIf.NewContract(n.contract());
                case EndContract e -> new WhatIf.EndContract(e.contractId(), e.endedBy(), e.endReason(), e.payment(),
                        e.paymentCents(), e.escrowCents(), e.endedAt(), e.privateRecommend(), e.publicOverall());
                case DisputeOutcomeChange d -> new WhatIf.SettleDispute(d.contractId(), d.outcome(), d.freelancerShareCents());
            });
        }
        return new WhatIf.Question(asOf, Boolean.TRUE.equals(includeUnrevealedFeedback), out);
    }
}
