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
 * Reads small request bodies whole on the I/O thread before the resource method runs.
 *
 * <p>Quarkus REST dispatches a blocking resource method to a worker thread first and lets it read the body through a
 * stream fed by the I/O thread; even a 100-byte body then costs the worker a wait for the I/O thread's end-of-body
 * signal, which under load (a busy I/O thread, few cores) measured ~17 ms on {@code POST /contracts}. With the body
 * already buffered, Quarkus REST reads it from memory.
 *
 * <p>Only a body that announces a length of at most {@value #BUFFERED_AT_MOST} bytes is read ahead: that is every
 * ordinary request of these APIs. The I/O thread reads a body whether or not a worker is free, so reading large ones
 * ahead would let many connections hold many large bodies at once. A larger or chunked body keeps Quarkus' streaming
 * read, which starts only when a worker takes the request, so the memory it takes is bounded by the workers. A body
 * that announces more than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem, unread.
 */
@ApplicationScoped
public class BufferedRequestBodies {

    /** Before every application route: Quarkus REST's route and the management routes come after it. */
    private static final int ORDER = Integer.MIN_VALUE + 1000;
    /** The largest body read ahead on the I/O thread. */
    static final long BUFFERED_AT_MOST = 64 * 1024;

    void install(@Observes Router router, ObjectMapper json,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(BUFFERED_AT_MOST).setPreallocateBodyBuffer(true);
        router.route().order(ORDER).handler(context -> {
            long length = announcedLength(context);
            if (length > limit) {
                tooLarge(context, json, limit);
            } else if (length >= 0 && length <= BUFFERED_AT_MOST
                    // An HTTP/2 stream that was read whole refuses the pause Quarkus REST sends it ("Request has already
                    // been read", a 500): HTTP/2 bodies keep Quarkus' own streaming read.
                    && context.request().version() != HttpVersion.HTTP_2) {
                buffer.handle(context);
            } else {
                context.next();
            }
        });
    }

    /** The Content-Length the request announces; -1 for none (chunked, or no body) or one that is not a number. */
    private static long announcedLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A body over the limit is a 413 with a problem body, like every other 4xx; the connection closes, unread. */
    private static void tooLarge(RoutingContext context, ObjectMapper json, long limit) {
        Problem problem = Problem.payloadTooLarge("the request body is longer than " + limit + " bytes", null)
                .withInstance(context.normalizedPath());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413, e);
        }
    }
}
