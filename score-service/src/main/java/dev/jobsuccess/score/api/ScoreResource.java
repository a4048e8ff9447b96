package dev.jobsuccess.score.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.score.domain.ScoreService;

@Path("/freelancers/{freelancerId}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@SecurityRequirement(name = "jwt")
public class ScoreResource {

    private final ScoreService scores;

    ScoreResource(ScoreService scores) {
        this.scores = scores;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "A freelancer's published Job Success Score, for any signed-in user",
            description = "Every freelancer id is valid: one without scored contracts gets jss null and a reason.")
    public ScoreResponse score(@PathParam("freelancerId") String freelancerId) {
        return ScoreResponse.of(scores.publishedScore(freelancerId));
    }
}
