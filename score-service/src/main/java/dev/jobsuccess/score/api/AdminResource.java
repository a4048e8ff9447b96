package dev.jobsuccess.score.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.security.Roles;
import dev.jobsuccess.score.rebuild.RebuildService;
import dev.jobsuccess.score.snapshot.SnapshotService;

/** Operations for PLATFORM: rebuild every score from the facts, run the snapshot now. */
@Path("/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "jwt")
public class AdminResource {

    /**
     * @param freelancerIds only these freelancers; omitted for all
     * @param dryRun report the differences without storing or announcing anything
     */
    public record RebuildRequest(List<String> freelancerIds, Boolean dryRun) {}

    /** @param date snapshot this date now (again, without claiming it); omitted: every due date up to today */
    public record SnapshotRequest(LocalDate date) {}

    public record SnapshotResponse(List<LocalDate> taken) {}

    private final RebuildService rebuilds;
    private final SnapshotService snapshots;

    AdminResource(RebuildService rebuilds, SnapshotService snapshots) {
        this.rebuilds = rebuilds;
        this.snapshots = snapshots;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Recompute every score from the stored facts and report the differences",
            description = "Differences are stored scores that disagree with the facts; unless dryRun, they are fixed and "
                    + "announced as score-changed with trigger REBUILD. After a full replay of the topics there are none.")
    public RebuildService.Report rebuild(RebuildRequest request) {
        RebuildRequest r = request == null ? new RebuildRequest(null, false) : request;
        return rebuilds.rebuild(r.freelancerIds(), Boolean.TRUE.equals(r.dryRun()));
    }

    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Run the daily snapshot now: every due date up to today (service clock), or one given date")
    public SnapshotResponse snapshot(SnapshotRequest request) {
        if (request != null && request.date() != null) {
            snapshots.snapshotDay(request.date());
            return new SnapshotResponse(List.of(request.date()));
        }
        return new SnapshotResponse(snapshots.runDue());
    }
}
