package dev.jobsuccess.contract.contract;

import java.time.Instant;

/** A contract with what its response needs beyond the row: the weekly limit in force now and one waiting for Monday. */
public record ContractView(Contract contract, Integer weeklyLimitMinutes, Integer nextWeeklyLimitMinutes,
                           Instant nextWeeklyLimitFrom, Instant feedbackWindowClosesAt) {}
