package dev.jobsuccess.score.rebuild;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.jobsuccess.score.config.ScoreConfig;
import dev.jobsuccess.score.facts.FactLoader;
import dev.jobsuccess.score.scoring.ChangeCause;
import dev.jobsuccess.score.scoring.Recomputer;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.StoredScore;

/**
 * Recomputes every score from the stored facts and reports where the stored score differs (the score, its
 * window, band or any window's value). After a full replay of the topics it finds none: a score is a
 * function of the facts. Badges are not re-evaluated: they are evaluated at snapshots, from the weekly
 * scores recorded then (the next snapshot re-evaluates them).
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** One freelancer whose stored score differed from the recomputed one. */
    public record Difference(String freelancerId, StoredScore stored, StoredScore recomputed) {}

    public record Report(LocalDate asOf, boolean dryRun, int freelancersChecked, List<Difference> differences) {}

    private final EntityManager em;
    private final Clock clock;
    private final Recomputer recomputer;
    private final ScoreModel model;
    private final ScoreConfig config;

    RebuildService(EntityManager em, Clock clock, Recomputer recomputer, ScoreModel model, ScoreConfig config) {
        this.em = em;
        this.clock = clock;
        this.recomputer = recomputer;
        this.model = model;
        this.config = config;
    }

    /**
     * @param only the freelancers to rebuild; null for every freelancer with a contract (open or closed) or a score
     * @param dryRun report only: nothing is stored or announced
     */
    public Report rebuild(Collection<String> only, boolean dryRun) {
        LocalDate asOf = model.effectiveDate(FactLoader.utcDate(clock.instant()));
        List<String> ids = only != null ? only.stream().distinct().sorted().toList() : everyFreelancer();
        List<Difference> differences = new ArrayList<>();
        int chunkSize = config.snapshot().chunkSize();
        for (int from = 0; from < ids.size(); from += chunkSize) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize));
            List<Recomputer.Recomputed> results = QuarkusTransaction.requiringNew().call(() -> dryRun
                    ? recomputer.preview(chunk, asOf)
                    : recomputer.recomputeSkippingFailures(chunk, asOf, Recomputer.Mode.SCORE, f -> ChangeCause.rebuild(asOf)));
            for (Recomputer.Recomputed r : results) {
                if (differs(r.before(), r.after())) {
                    differences.add(new Difference(r.freelancerId(), r.before(), r.after()));
                }
            }
        }
        LOG.infof("rebuild as of %s%s: %d freelancers checked, %d differed", asOf, dryRun ? " (dry run)" : "", ids.size(),
                differences.size());
        return new Report(asOf, dryRun, ids.size(), differences);
    }

    /** A freelancer never computed counts as having no score. */
    private static boolean differs(StoredScore stored, StoredScore recomputed) {
        if (stored == null) {
            return recomputed.jss() != null || recomputed.windows().values().stream().anyMatch(Objects::nonNull);
        }
        return !stored.sameScore(recomputed);
    }

    @SuppressWarnings("unchecked")
    private List<String> everyFreelancer() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT freelancer_id FROM contract_fact UNION SELECT freelancer_id FROM contract_start_fact
                UNION SELECT freelancer_id FROM contract_payment_fact UNION SELECT freelancer_id FROM freelancer_score
                ORDER BY 1""").getResultList());
    }
}
