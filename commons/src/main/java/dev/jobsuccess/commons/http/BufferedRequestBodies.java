package dev.jobsuccess.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads each request body whole on the I/O thread before the resource method runs.
 *
 * <p>Quarkus REST dispatches a blocking resource method to a worker thread first and lets it read the body through a
 * stream fed by the I/O thread; even a 100-byte body then costs the worker a wait for the I/O thread's end-of-body
 * signal, which under load (a busy I/O thread, few cores) measured ~17 ms on {@code POST /contracts}. With the body
 * already buffered, Quarkus REST reads it from memory. The size limit stays Quarkus' own
 * ({@code quarkus.http.limits.max-body-size}), which refuses larger bodies before this handler runs.
 */
@ApplicationScoped
public class BufferedRequestBodies {

    /** Before every application route: Quarkus REST's route and the management routes come after it. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(BodyHandler.create(false).setBodyLimit(-1).setPreallocateBodyBuffer(true));
    }
}
