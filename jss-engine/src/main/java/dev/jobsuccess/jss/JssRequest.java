package dev.jobsuccess.jss;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine's input: one freelancer's contracts at a snapshot date.
 *
 * @param asOf the snapshot date (UTC)
 * @param params the parameters, null or partly null for the defaults
 * @param contracts the contracts; the result keeps their order
 */
public record JssRequest(LocalDate asOf, JssParams params, List<ContractRecord> contracts) {

    public JssRequest {
        // A copy that tolerates null elements, so that validation, not this constructor, reports them.
        contracts = contracts == null ? null : Collections.unmodifiableList(new ArrayList<>(contracts));
    }
}
