package dev.jobsuccess.commons.time;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Roles;

/**
 * Moves the service clock for demos and system tests; refused unless jobsuccess.clock.adjustable is on. A move is stored
 * in the service's database (ClockSettingStore), so every replica of the service follows it within a second.
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ClockResource {

    public record ClockView(Instant now, boolean pinned) {}

    public record SetClock(@NotNull Instant now, boolean pinned) {}

    public record AdvanceClock(@NotNull Duration by) {}

    /** How far an admin may move the clock from where it is: far enough for any demo, never into absurd years. */
    static final Duration MAX_MOVE = Duration.ofDays(20 * 366);

    private final AdjustableClock clock;
    private final ClockConfig config;
    private final ClockSettingStore store;

    ClockResource(AdjustableClock clock, ClockConfig config, ClockSettingStore store) {
        this.clock = clock;
        this.config = config;
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.FREELANCER, Roles.PLATFORM})
    @Operation(summary = "The service's current time")
    public ClockView now() {
        return view();
    }

    @PUT
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Set the service's time (pinned, or running from the given instant)")
    public ClockView set(@NotNull @Valid SetClock request) {
        requireAdjustable();
        if (Duration.between(clock.instant(), request.now()).abs().compareTo(MAX_MOVE) > 0) {
            throw ProblemException.badRequest("now", "must lie within 20 years of the service's current time " + clock.instant());
        }
        store.set(request.now(), request.pinned());
        return view();
    }

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Move the service's time forward by an ISO-8601 duration, e.g. P3D")
    public ClockView advance(@NotNull @Valid AdvanceClock request) {
        requireAdjustable();
        if (request.by().isNegative()) {
            throw ProblemException.badRequest("by", "must not be negative: time only moves forward");
        }
        if (request.by().compareTo(MAX_MOVE) > 0) {
            throw ProblemException.badRequest("by", "must not exceed 20 years (P7320D)");
        }
        store.advance(request.by());
        return view();
    }

    private void requireAdjustable() {
        if (!config.adjustable()) {
            throw ProblemException.forbidden("CLOCK_NOT_ADJUSTABLE", "this service's clock is the system clock (jobsuccess.clock.adjustable=false)");
        }
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.isPinned());
    }
}
