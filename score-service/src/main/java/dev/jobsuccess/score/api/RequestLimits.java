package dev.jobsuccess.score.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.score.config.ScoreConfig;

/**
 * The size bounds of {@code jobsuccess.score.limits}, checked before any work: a request beyond one gets 413 naming
 * the field, so no request costs more than milliseconds of CPU.
 */
@ApplicationScoped
public class RequestLimits {

    private final ScoreConfig.Limits limits;

    RequestLimits(ScoreConfig config) {
        this.limits = config.limits();
    }

    /** @throws ProblemException 413 naming the first field beyond its bound */
    void simulation(JssRequest request) {
        List<ContractRecord> contracts = request.contracts();
        if (contracts == null) {
            return;
        }
        atMost(contracts.size(), limits.simulationContracts(), "contracts", "contracts per request");
        paymentDates(contracts, "contracts[%d].paymentDates");
    }

    /** @throws ProblemException 413 naming the first field beyond its bound */
    void whatIf(WhatIfRequest request) {
        if (request.changes() == null) {
            return;
        }
        atMost(request.changes().size(), limits.whatIfChanges(), "changes", "changes per what-if");
        List<ContractRecord> added = request.changes().stream()
                .map(c -> c instanceof WhatIfRequest.NewContract n ? n.contract() : null).toList();
        paymentDates(added, "changes[%d].contract.paymentDates");
    }

    /** @throws ProblemException 413 when the rebuild names more freelancers than a request may */
    void rebuild(List<String> freelancerIds) {
        if (freelancerIds != null) {
            atMost(freelancerIds.size(), limits.rebuildFreelancerIds(), "freelancerIds", "freelancer ids per rebuild");
        }
    }

    /** Each contract's dates, then all of them together; null contracts are the validation's to report. */
    private void paymentDates(List<ContractRecord> contracts, String fieldPattern) {
        long total = 0;
        for (int i = 0; i < contracts.size(); i++) {
            ContractRecord c = contracts.get(i);
            if (c == null) {
                continue;
            }
            atMost(c.paymentDates().size(), limits.paymentDatesPerContract(), fieldPattern.formatted(i),
                    "payment dates per contract");
            total += c.paymentDates().size();
            if (total > limits.paymentDatesPerRequest()) {
                throw ProblemException.payloadTooLarge(fieldPattern.formatted(i), "brings the payment dates of this request beyond "
                        + limits.paymentDatesPerRequest() + " in all");
            }
        }
    }

    private static void atMost(int size, int limit, String field, String unit) {
        if (size > limit) {
            throw ProblemException.payloadTooLarge(field, "at most " + limit + " " + unit + ", got " + size);
        }
    }
}
