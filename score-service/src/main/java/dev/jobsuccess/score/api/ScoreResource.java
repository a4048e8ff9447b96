package dev.jobsuccess.score.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.score.explanation.Explanation;
import dev.jobsuccess.score.explanation.ExplanationService;
import dev.jobsuccess.score.scoring.ScoreModel;
import dev.jobsuccess.score.scoring.ScoreService;

@Path("/freelancers/{freelancerId}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@SecurityRequirement(name = "jwt")
public class ScoreResource {

    static final int MAX_PAGE_SIZE = 100;
    /**
     * Far beyond any history (one change a day for a century is 36,525 at size 1), and small enough that the offset,
     * page × size, stays an int.
     */
    static final int MAX_PAGE = 1_000_000;

    private final ScoreService scores;
    private final ExplanationService explanations;
    private final ScoreModel model;
    private final Access access;

    ScoreResource(ScoreService scores, ExplanationService explanations, ScoreModel model, Access access) {
        this.scores = scores;
        this.explanations = explanations;
        this.model = model;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A freelancer's published Job Success Score and badges, for any signed-in user",
            description = "Every freelancer id is valid: one without scored contracts gets jss null and a reason.")
    public Uni<ScoreResponse> score(@PathParam("freelancerId") String freelancerId) {
        // The busiest read: answered on the I/O thread when this replica read the row lately, else from the database on a
        // worker thread.
        var recent = scores.recentlyPublishedScore(freelancerId);
        if (recent.isPresent()) {
            return Uni.createFrom().item(ScoreResponse.of(recent.get(), model));
        }
        return Uni.createFrom().item(() -> ScoreResponse.of(scores.publishedScore(freelancerId), model))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/explanation")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "Why the score is what it is: each contract's inclusion, outcome class, weight and effect",
            description = "The freelancer and PLATFORM only. Built from revealed feedback only; the value of a private "
                    + "rating is shown to PLATFORM only (per contract, under feedback).")
    public Explanation explanation(@PathParam("freelancerId") String freelancerId) {
        access.requireSelfOrPlatform(freelancerId);
        return explanations.explain(freelancerId, access.isPlatform());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The score's changes, newest first, one per score-changed event (paginated)",
            description = "The freelancer and PLATFORM only.")
    public HistoryResponse history(@PathParam("freelancerId") String freelancerId,
                                   @Parameter(description = "0 to " + MAX_PAGE)
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
                                   @Parameter(description = "1 to " + MAX_PAGE_SIZE)
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        access.requireSelfOrPlatform(freelancerId);
        ScoreService.HistoryPage history = scores.history(freelancerId, page, size);
        return new HistoryResponse(freelancerId, model.label(), page, size, history.totalItems(),
                history.entries().stream().map(HistoryResponse.Item::of).toList());
    }
}
