package dev.jobsuccess.commons.inbound;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.jobsuccess.commons.security.Roles;

/** PLATFORM replays a dead-letter topic once the cause of its records is fixed. */
@Path("/admin/dead-letters/replay")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "jwt")
public class DeadLetterResource {

    /** @param topic the consumed topic whose dead letters ({@code <topic>-dlq-<service>}) are applied again */
    public record ReplayRequest(@NotBlank String topic) {}

    private final DeadLetterReplay replay;

    DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Apply a topic's dead letters again, each once",
            description = "For after the cause is fixed. The dead letters go through the service's inbound path as if "
                    + "read from their topic, and are applied once (the inbox drops any applied before); one that still "
                    + "cannot be applied is dead-lettered again. Nothing is published to the topic itself.")
    public DeadLetterReplay.Replayed replay(@NotNull @Valid ReplayRequest request) {
        return replay.replay(request.topic());
    }
}
