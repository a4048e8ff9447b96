package dev.jobsuccess.score.facts;

import java.time.LocalDate;
import java.util.List;

import dev.jobsuccess.jss.ContractStatus;
import dev.jobsuccess.jss.DisputeOutcome;
import dev.jobsuccess.jss.EndReason;

/**
 * One contract's stored facts merged for one computation: its close, the latest money report (close or
 * adjustment, whichever occurred later), its client's feedback, the client's flag and an accepted removal.
 * An open contract (known from contract-started and contract-payment-recorded, not yet closed) has status
 * ACTIVE or PAUSED, no end date, no end reason and the money of its latest payment report.
 *
 * @param endedAt null while the contract is open
 * @param endFeedback the client's end-of-contract feedback, revealed or not; null when none was submitted
 * @param feedbackWindowClosed whether the contract's feedback window closed: what the client submitted, or did not, is final
 * @param periodicFeedback the client's mid-contract feedback, oldest first
 * @param adjustmentCause the cause of the adjustment that gave the money, null when it came from the close
 * @param category the contract's category (from its close or its start), null when none was given
 * @param earnings each movement of its net earnings, from the same report as the money; null when that report did not
 *                 carry them
 */
public record ContractFacts(String contractId, String clientId, ContractStatus status, LocalDate startedAt, LocalDate endedAt,
                            EndedBy endedBy,
                            EndReason endReasonCode, long netEarningsCents, List<LocalDate> paymentDates,
                            DisputeOutcome disputeOutcome, String adjustmentCause, FeedbackFacts endFeedback,
                            boolean feedbackWindowClosed,
                            List<FeedbackFacts> periodicFeedback, boolean clientFlagged, boolean perkRemoved,
                            String category, List<Earning> earnings) {

    public ContractFacts {
        paymentDates = List.copyOf(paymentDates);
        periodicFeedback = List.copyOf(periodicFeedback);
        earnings = earnings == null ? null : List.copyOf(earnings);
    }
}
