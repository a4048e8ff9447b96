package dev.jobsuccess.score.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssParams;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.JssResult;

/** The score model in force, and the translation of stored facts into the engine's contract records. */
public final class ScoreModel {

    /** The engine's defaults (domain.md §d.7); a change of any of them is a new {@link #VERSION}. */
    public static final JssParams PARAMS = JssParams.defaults();
    /** Names {@link #PARAMS} in score-changed, so consumers can tell scores of different models apart. */
    public static final String VERSION = "jss-model-1";

    private ScoreModel() {
    }

    /** The score of one freelancer's contracts at a date, each contract with its client's feedback if any. */
    static JssResult compute(List<ContractFact> contracts, List<ClientFeedbackFact> feedback, LocalDate asOf) {
        Map<String, ClientFeedbackFact> feedbackByContract = feedback.stream()
                .collect(Collectors.toMap(f -> f.contractId, Function.identity()));
        List<ContractRecord> records = contracts.stream()
                .map(c -> record(c, feedbackByContract.get(c.contractId)))
                .toList();
        return JssEngine.compute(new JssRequest(asOf, PARAMS, records));
    }

    static ContractRecord record(ContractFact contract, ClientFeedbackFact feedback) {
        return new ContractRecord(contract.contractId, contract.clientId, contract.status,
                utcDate(contract.startedAt), contract.endedAt == null ? null : utcDate(contract.endedAt),
                contract.netEarningsCents,
                contract.paymentInstants.stream().map(ScoreModel::utcDate).sorted().toList(),
                feedback == null ? null : feedback.privateRecommend,
                feedback == null ? null : feedback.publicOverall,
                contract.endReasonCode, contract.disputeOutcome,
                // Client flags and the legacy removal perk are not modelled yet: no contract is excluded by them.
                false, false);
    }

    /** domain.md §d.0: a date is the UTC calendar date of an instant. */
    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
