package dev.jobsuccess.score.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.score.whatif.WhatIf;
import dev.jobsuccess.score.whatif.WhatIfService;

@Path("/freelancers/{freelancerId}/what-if")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@SecurityRequirement(name = "jwt")
public class WhatIfResource {

    private final WhatIfService whatIf;
    private final Access access;
    private final RequestLimits limits;

    WhatIfResource(WhatIfService whatIf, Access access, RequestLimits limits) {
        this.whatIf = whatIf;
        this.access = access;
        this.limits = limits;
    }

    @POST
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "What would my score be if... (refund, rating, new contract, ending an open contract, a dispute's outcome, later date)",
            description = "The freelancer and PLATFORM only. Applies the changes to the freelancer's real facts and returns "
                    + "the score before (today) and after (at asOf), the difference per window, and badges gained or lost. "
                    + "Stores nothing and emits nothing. Where the answer depends on clients' private feedback, which the "
                    + "freelancer cannot see, it is every result consistent with the published score (possibleAfter, "
                    + "range, summary), not the real one; PLATFORM gets the real one. 422 when those results are too "
                    + "many to weigh. includeUnrevealedFeedback is for PLATFORM only. Limits "
                    + "(jobsuccess.score.limits.*, defaults in brackets): asOf from today to today + what-if-days-ahead "
                    + "(3650), else 400; changes per what-if (100), payment dates per new contract (1000) and in all "
                    + "(20000), else 413 naming the field.")
    @APIResponse(responseCode = "200", description = "the score before and after the changes")
    @APIResponse(responseCode = "400", description = "a change or asOf breaks a rule; errors[].field names the field")
    @APIResponse(responseCode = "403", description = "neither the freelancer nor PLATFORM")
    @APIResponse(responseCode = "422", description = "too many combinations of private feedback to weigh")
    @APIResponse(responseCode = "413", description = "more changes or payment dates than the limits allow; "
            + "errors[].field names the list")
    public WhatIf.Answer whatIf(@PathParam("freelancerId") String freelancerId, @NotNull @Valid WhatIfRequest request) {
        access.requireSelfOrPlatform(freelancerId);
        limits.whatIf(request);
        WhatIf.Question question = request.toQuestion();
        if (question.includeUnrevealedFeedback() && !access.isPlatform()) {
            throw ProblemException.forbidden("UNREVEALED_FEEDBACK",
                    "only the platform may simulate with feedback the freelancer has not seen yet");
        }
        return whatIf.answer(freelancerId, question, access.isPlatform());
    }
}
