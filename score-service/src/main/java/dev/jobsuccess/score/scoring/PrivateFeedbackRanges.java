package dev.jobsuccess.score.scoring;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.ConsistentAssignments;
import dev.jobsuccess.jss.ContractRecord;
import dev.jobsuccess.jss.Inclusion;
import dev.jobsuccess.jss.JssEngine;
import dev.jobsuccess.jss.JssRequest;
import dev.jobsuccess.jss.Satisfaction;
import dev.jobsuccess.jss.Window;

/**
 * What a freelancer may be told about contracts their clients' private feedback decides (domain.md §d.2 rule 7): what
 * every assignment of private classes consistent with the published windows agrees on, and ranges for the rest. The
 * one place the explanation and the what-if ask it, under one bound.
 */
@ApplicationScoped
public class PrivateFeedbackRanges {

    private final ScoreModel model;

    PrivateFeedbackRanges(ScoreModel model) {
        this.model = model;
    }

    /** @throws ProblemException 422 when the combinations are too many to weigh */
    public List<ConsistentAssignments.ContractRange> explain(List<ContractRecord> publicRecords, Set<String> undisclosed,
                                                             Map<Window, Integer> published, LocalDate asOf) {
        try {
            return ConsistentAssignments.explain(new JssRequest(asOf, model.params(), publicRecords), undisclosed, published,
                    maxStates());
        } catch (ConsistentAssignments.TooManyCombinationsException e) {
            throw tooMany(e);
        }
    }

    /** @throws ProblemException 422 when the combinations are too many to weigh */
    public List<ConsistentAssignments.Scenario> whatIf(List<ContractRecord> before, LocalDate today, Set<String> undisclosed,
                                                       Map<Window, Integer> published, List<ContractRecord> after,
                                                       LocalDate asOf, Set<String> undisclosedAfter) {
        try {
            return ConsistentAssignments.whatIf(new JssRequest(today, model.params(), before), undisclosed, published,
                    new JssRequest(asOf, model.params(), after), undisclosedAfter, maxStates());
        } catch (ConsistentAssignments.TooManyCombinationsException e) {
            throw tooMany(e);
        }
    }

    /**
     * Whether the contract's inclusion alone (COUNTED or which EXCLUDED_*) would tell its private class: it differs
     * between private classes (e.g. at $0 only a NEGATIVE counts). Decided from the contract alone, so it hides at least
     * what the published windows leave open, cheaply enough for every score-changed record.
     */
    public boolean inclusionTellsPrivateClass(ContractRecord publicRecord, LocalDate asOf) {
        Set<Inclusion> inclusions = EnumSet.noneOf(Inclusion.class);
        for (Satisfaction p : ConsistentAssignments.PRIVATE_CLASSES) {
            // The classification alone: weighing the windows four times a privately decided contract was about a sixth
            // of the consumer's recompute (JFR), for a score-changed record that uses none of it.
            ContractRecord assigned = ConsistentAssignments.withPrivateClass(publicRecord, p);
            inclusions.add(JssEngine.inclusions(new JssRequest(asOf, model.params(), List.of(assigned))).getFirst());
        }
        return inclusions.size() > 1;
    }

    /** The record as it would be if its private feedback made it count: NEGATIVE counts even at $0. */
    public ContractRecord ifCounted(ContractRecord r) {
        return ConsistentAssignments.withPrivateClass(r, Satisfaction.NEGATIVE);
    }

    private int maxStates() {
        return model.config().limits().privateFeedbackStates();
    }

    private ProblemException tooMany(ConsistentAssignments.TooManyCombinationsException e) {
        return ProblemException.unprocessable("PRIVATE_FEEDBACK_TOO_MANY_COMBINATIONS", e.getMessage()
                + "; the published score and badges stand (limit: jobsuccess.score.limits.private-feedback-states)");
    }
}
