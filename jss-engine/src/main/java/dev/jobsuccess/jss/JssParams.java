package dev.jobsuccess.jss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of domain.md §d.7 that touch the score. Every field may be null, meaning "the
 * default", so that a request can name only the parameters it changes.
 *
 * @param tierBoundsCents the upper bounds (inclusive) of the 4 q and 5 q tiers
 * @param penalizeInactiveOpenContracts only false is supported (jss-engine-api.md clarification 12)
 */
public record JssParams(Formula formula, Weighting weighting, Rounding rounding, List<Long> tierBoundsCents,
                        Integer minCountedContracts, Integer minDistinctClients,
                        Boolean penalizeInactiveOpenContracts) {

    private static final JssParams DEFAULTS = new JssParams(Formula.SUCCESS_RATIO, Weighting.TIERED, Rounding.FLOOR,
            List.of(25_000L, 100_000L), 2, 2, false);

    public JssParams {
        // A copy that tolerates null elements, so that validation, not this constructor, reports them.
        tierBoundsCents = tierBoundsCents == null ? null
                : Collections.unmodifiableList(new ArrayList<>(tierBoundsCents));
    }

    public static JssParams defaults() {
        return DEFAULTS;
    }

    /** This set of parameters with every null replaced by its §d.7 default. */
    public JssParams withDefaults() {
        return new JssParams(
                formula != null ? formula : DEFAULTS.formula,
                weighting != null ? weighting : DEFAULTS.weighting,
                rounding != null ? rounding : DEFAULTS.rounding,
                tierBoundsCents != null ? tierBoundsCents : DEFAULTS.tierBoundsCents,
                minCountedContracts != null ? minCountedContracts : DEFAULTS.minCountedContracts,
                minDistinctClients != null ? minDistinctClients : DEFAULTS.minDistinctClients,
                penalizeInactiveOpenContracts != null ? penalizeInactiveOpenContracts
                        : DEFAULTS.penalizeInactiveOpenContracts);
    }
}
