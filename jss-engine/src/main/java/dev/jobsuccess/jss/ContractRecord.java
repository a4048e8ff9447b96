package dev.jobsuccess.jss;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One contract as the score sees it (domain.md §d.3.1, jss-engine-api.md "Request").
 *
 * <p>Fields are wrapper types so that a JSON binder can leave them out. The fields with a
 * documented default get it here: {@code paymentDates} null becomes empty, {@code disputeOutcome}
 * null becomes {@code NONE}, the two flags null become false. The rating fields stay nullable,
 * because "no rating" is information. {@code netEarningsCents} has no default and is required.
 *
 * @param paymentDates dates of the payments so far; those after the snapshot date are ignored
 * @param privateRecommend the client's private 0–10 score, or null
 * @param publicOverall the client's public overall rating, 1.00–5.00, or null
 * @param endReasonCode the client's end reason, or null
 * @param perkRemovedFromJss an accepted feedback-removal request that was not kept in the score
 */
public record ContractRecord(String contractId, String clientId, ContractStatus status, LocalDate startedAt,
                             LocalDate endedAt, Long netEarningsCents, List<LocalDate> paymentDates,
                             Integer privateRecommend, BigDecimal publicOverall, EndReason endReasonCode,
                             DisputeOutcome disputeOutcome, Boolean clientFlagged, Boolean perkRemovedFromJss) {

    public ContractRecord {
        // A copy that tolerates null elements, so that validation, not this constructor, reports them.
        paymentDates = paymentDates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(paymentDates));
        disputeOutcome = disputeOutcome == null ? DisputeOutcome.NONE : disputeOutcome;
        clientFlagged = clientFlagged != null && clientFlagged;
        perkRemovedFromJss = perkRemovedFromJss != null && perkRemovedFromJss;
    }
}
