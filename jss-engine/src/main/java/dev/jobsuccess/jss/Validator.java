package dev.jobsuccess.jss;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The request rules of jss-engine-api.md "Request"; the first broken rule is reported. */
final class Validator {

    private static final BigDecimal MIN_PUBLIC = new BigDecimal("1.00");
    private static final BigDecimal MAX_PUBLIC = new BigDecimal("5.00");

    /**
     * Under LINEAR_DOLLARS a weight is the amount in whole dollars, and weights are ints in the
     * response; this bound keeps every weight representable whatever the weighting.
     */
    static final long MAX_NET_EARNINGS_CENTS = Integer.MAX_VALUE * 100L;

    private Validator() {
    }

    static void validate(JssRequest request) {
        if (request == null) {
            throw new InvalidJssInputException("request", "is required");
        }
        if (request.asOf() == null) {
            throw new InvalidJssInputException("asOf", "is required");
        }
        if (request.params() != null) {
            validateParams(request.params());
        }
        List<ContractRecord> contracts = request.contracts();
        if (contracts == null) {
            throw new InvalidJssInputException("contracts", "is required (use [] for none)");
        }
        Set<String> seenIds = new HashSet<>();
        for (int i = 0; i < contracts.size(); i++) {
            validateContract(contracts.get(i), "contracts[" + i + "]", seenIds);
        }
    }

    private static void validateParams(JssParams params) {
        if (Boolean.TRUE.equals(params.penalizeInactiveOpenContracts())) {
            throw new InvalidJssInputException("params.penalizeInactiveOpenContracts", "true is not supported");
        }
        List<Long> bounds = params.tierBoundsCents();
        if (bounds != null && !isTwoIncreasingPositive(bounds)) {
            throw new InvalidJssInputException("params.tierBoundsCents",
                    "must be exactly two increasing positive amounts in cents, e.g. [25000, 100000]");
        }
        if (params.minCountedContracts() != null && params.minCountedContracts() < 1) {
            throw new InvalidJssInputException("params.minCountedContracts", "must be at least 1");
        }
        if (params.minDistinctClients() != null && params.minDistinctClients() < 1) {
            throw new InvalidJssInputException("params.minDistinctClients", "must be at least 1");
        }
    }

    private static boolean isTwoIncreasingPositive(List<Long> bounds) {
        if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
            return false;
        }
        return bounds.get(0) > 0 && bounds.get(1) > bounds.get(0);
    }

    private static void validateContract(ContractRecord c, String path, Set<String> seenIds) {
        if (c == null) {
            throw new InvalidJssInputException(path, "must not be null");
        }
        if (isBlank(c.contractId())) {
            throw new InvalidJssInputException(path + ".contractId", "is required");
        }
        if (!seenIds.add(c.contractId())) {
            throw new InvalidJssInputException(path + ".contractId",
                    "duplicates an earlier contract: " + c.contractId());
        }
        if (isBlank(c.clientId())) {
            throw new InvalidJssInputException(path + ".clientId", "is required");
        }
        if (c.status() == null) {
            throw new InvalidJssInputException(path + ".status", "is required");
        }
        if (c.startedAt() == null) {
            throw new InvalidJssInputException(path + ".startedAt", "is required");
        }
        if (c.status() == ContractStatus.ENDED && c.endedAt() == null) {
            throw new InvalidJssInputException(path + ".endedAt", "is required for an ENDED contract");
        }
        if (c.endedAt() != null && c.endedAt().isBefore(c.startedAt())) {
            throw new InvalidJssInputException(path + ".endedAt", "is before startedAt");
        }
        validateMoney(c.netEarningsCents(), path + ".netEarningsCents");
        for (int j = 0; j < c.paymentDates().size(); j++) {
            if (c.paymentDates().get(j) == null) {
                throw new InvalidJssInputException(path + ".paymentDates[" + j + "]", "must not be null");
            }
        }
        Integer recommend = c.privateRecommend();
        if (recommend != null && (recommend < 0 || recommend > 10)) {
            throw new InvalidJssInputException(path + ".privateRecommend", "must be between 0 and 10");
        }
        BigDecimal overall = c.publicOverall();
        if (overall != null && (overall.compareTo(MIN_PUBLIC) < 0 || overall.compareTo(MAX_PUBLIC) > 0)) {
            throw new InvalidJssInputException(path + ".publicOverall", "must be between 1.00 and 5.00");
        }
    }

    private static void validateMoney(Long cents, String field) {
        if (cents == null) {
            throw new InvalidJssInputException(field, "is required");
        }
        if (cents < 0) {
            throw new InvalidJssInputException(field, "must not be negative");
        }
        if (cents > MAX_NET_EARNINGS_CENTS) {
            throw new InvalidJssInputException(field, "must be at most " + MAX_NET_EARNINGS_CENTS);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
