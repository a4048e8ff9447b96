package dev.jobsuccess.score.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.commons.validation.SingleLine;
import dev.jobsuccess.score.rebuild.RebuildService;
import dev.jobsuccess.score.snapshot.SnapshotService;

/** Operations for PLATFORM: rebuild every score from the facts, run the snapshot now. */
@Path("/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "jwt")
public class AdminResource {

    /** As long as the ids the other services accept. */
    static final int MAX_ID_LENGTH = 100;
    static final String DRY_RUN_REQUIRED =
            "is required: true reports the differences only, false also fixes and announces them";

    /**
     * @param freelancerIds only these freelancers; omitted for all
     * @param dryRun report the differences without storing or announcing anything
     */
    public record RebuildRequest(
            @Schema(description = "At most jobsuccess.score.limits.rebuild-freelancer-ids (default 1000), each 1 to "
                    + MAX_ID_LENGTH + " characters on one line; omitted for every freelancer")
            List<@NotBlank @SingleLine @Size(max = MAX_ID_LENGTH) String> freelancerIds,
            // Required: an empty body must not start a real rebuild of every freelancer.
            @Schema(description = "Required: true reports the differences only, false also fixes and announces them")
            @NotNull(message = DRY_RUN_REQUIRED) Boolean dryRun) {}

    /** @param date snapshot this date now (again, without claiming it); omitted: every due date up to today */
    public record SnapshotRequest(
            @Schema(description = "From jobsuccess.score.limits.snapshot-days-back (default 3650) days before today up to "
                    + "today (service clock); omitted ({}): every due date up to today")
            LocalDate date) {}

    public record SnapshotResponse(List<LocalDate> taken) {}

    private final RebuildService rebuilds;
    private final SnapshotService snapshots;

    private final RequestLimits limits;

    AdminResource(RebuildService rebuilds, SnapshotService snapshots, RequestLimits limits) {
        this.rebuilds = rebuilds;
        this.snapshots = snapshots;
        this.limits = limits;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Recompute every score from the stored facts and report the differences",
            description = "Differences are stored scores that disagree with the facts; unless dryRun, they are fixed and "
                    + "announced as score-changed with trigger REBUILD. After a full replay of the topics there are none. "
                    + "dryRun is required; more freelancer ids than jobsuccess.score.limits.rebuild-freelancer-ids "
                    + "(default 1000) get 413.")
    public RebuildService.Report rebuild(@Valid RebuildRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("dryRun", DRY_RUN_REQUIRED);
        }
        limits.rebuild(request.freelancerIds());
        return rebuilds.rebuild(request.freelancerIds(), request.dryRun());
    }

    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Run the daily snapshot now: every due date up to today (service clock), or one given date",
            description = "A given date lies between jobsuccess.score.limits.snapshot-days-back (default 3650) days "
                    + "before today and today, else 400 naming date.")
    public SnapshotResponse snapshot(@NotNull @Valid SnapshotRequest request) {
        // An explicit body even for "every due date" ({}): an empty request must not take snapshots.
        if (request.date() != null) {
            snapshots.snapshotDayRequested(request.date());
            return new SnapshotResponse(List.of(request.date()));
        }
        return new SnapshotResponse(snapshots.runDue());
    }
}
