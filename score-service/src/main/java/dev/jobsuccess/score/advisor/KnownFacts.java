package dev.jobsuccess.score.advisor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.JssResult;
import dev.jobsuccess.score.facts.FreelancerFacts;

/**
 * A freelancer's facts today as one caller may know them: PLATFORM every record as published; the freelancer the public
 * facts of each contract, those whose client's private feedback counts being {@code undisclosed}.
 *
 * @param known the records the caller may see (public facts only for the undisclosed ones)
 * @param published the published score today, whose windows every possible private assignment must give
 */
record KnownFacts(String freelancerId, FreelancerFacts facts, LocalDate today, boolean platform, List<ContractRecord> known,
                  Set<String> undisclosed, JssResult published) {

    KnownFacts {
        known = List.copyOf(known);
        undisclosed = Set.copyOf(undisclosed);
    }
}
