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
            @JsonSubTypes.Type(value = NewContract.class, name = "NEW_CONTRACT")})
    public sealed interface Change permits Refund, PrivateRating, PublicRating, NewContract {}

    /** The contract is refunded down to {@code netEarningsCents} (0: a full refund). */
    public record Refund(String contractId, Long netEarningsCents) implements Change {}

    /** The client's private 0–10 rating is {@code privateRecommend}; null or omitted: the client leaves none. */
    public record PrivateRating(String contractId, Integer privateRecommend) implements Change {}

    /** The client's public overall rating is {@code publicOverall} (1.00–5.00); null or omitted: none. */
    public record PublicRating(String contractId, BigDecimal publicOverall) implements Change {}

    /** A new contract, in the JSON of jss-engine-api.md "Request" (contracts[]). */
    public record NewContract(ContractRecord contract) implements Change {}

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
            });
        }
        return new WhatIf.Question(asOf, Boolean.TRUE.equals(includeUnrevealedFeedback), out);
    }
}
