package dev.jobsuccess.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.jobsuccess.commons.problem.Problem;

/**
 * Reads each request body whole on the I/O thread before the resource method runs.
 *
 * <p>Quarkus REST dispatches a blocking resource method to a worker thread first and lets it read the body through a
 * stream fed by the I/O thread; even a 100-byte body then costs the worker a wait for the I/O thread's end-of-body
 * signal, which under load (a busy I/O thread, few cores) measured ~17 ms on {@code POST /contracts}. With the body
 * already buffered, Quarkus REST reads it from memory. The buffer is bounded by Quarkus' own limit
 * ({@code quarkus.http.limits.max-body-size}): a longer body, chunked ones included, is a 413 and is never held whole.
 */
@ApplicationScoped
public class BufferedRequestBodies {

    /** Before every application route: Quarkus REST's route and the management routes come after it. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(limit).setPreallocateBodyBuffer(true);
        router.route().order(ORDER)
                .handler(context -> {
                    // An HTTP/2 stream that was read whole refuses the pause Quarkus REST sends it ("Request has already
                    // been read", a 500): HTTP/2 bodies keep Quarkus' own streaming read and size limit.
                    if (context.request().version() == HttpVersion.HTTP_2) {
                        context.next();
                    } else {
                        buffer.handle(context);
                    }
                })
                .failureHandler(context -> tooLarge(context, json, limit));
    }

    /** The body handler fails a body over the limit with 413; it gets a problem body like every other 4xx. */
    private static void tooLarge(RoutingContext context, ObjectMapper json, long limit) {
        if (context.statusCode() != 413 || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large",
                "the request body is longer than " + limit + " bytes", null).withInstance(context.normalizedPath());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
