package dev.jobsuccess.score.scoring;

/**
 * What every score this service shows says of itself (domain.md §d.7's honesty note): that it is this system's model of
 * a marketplace-style Job Success Score, and which version of the model computed it.
 */
public record ModelLabel(String version, String label) {

    static ModelLabel of(String version) {
        return new ModelLabel(version, "Job Success's own model (" + version + ") of a marketplace-style Job Success Score, "
                + "computed from the work and feedback this system has recorded; not any marketplace's official score.");
    }
}
