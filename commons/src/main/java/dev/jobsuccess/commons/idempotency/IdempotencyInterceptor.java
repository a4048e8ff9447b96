package dev.jobsuccess.commons.idempotency;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.jobsuccess.commons.problem.BodyParameter;
import dev.jobsuccess.commons.problem.Problem;
import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.commons.security.Caller;

/**
 * {@code Idempotency-Key} with Stripe's semantics on the POST, PUT and DELETE operations of an {@link Idempotent}
 * resource:
 * <ul>
 * <li>The request runs in one transaction that first claims the caller's key; the services' own transactions join
 * it, and the response is stored in it. The key and the effect commit together or not at all, so a crash cannot
 * leave an effect without its key, nor a key without its effect.</li>
 * <li>The same key again, with the same method, path and body, returns the stored status and body (header
 * {@code Idempotent-Replayed: true}) without running anything; with another request it answers 422.</li>
 * <li>A concurrent request with the same key waits for the first one's transaction and then replays its response,
 * or runs itself if the first one failed.</li>
 * <li>Only successes are stored: a refused request changed nothing, so running it again is safe and answers the
 * same refusal unless the state changed meanwhile.</li>
 * </ul>
 */
@Idempotent
@Interceptor
// Outside @Transactional (PLATFORM_BEFORE + 200): the services' transactions join the one opened here.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final HttpServerRequest request;
    private final Caller caller;
    private final IdempotencyKeys keys;
    private final EntityManager em;
    private final ObjectMapper json;
    private final ObjectMapper replayReader;

    IdempotencyInterceptor(HttpServerRequest request, Caller caller, IdempotencyKeys keys, EntityManager em, ObjectMapper json) {
        this.request = request;
        this.caller = caller;
        this.keys = keys;
        this.em = em;
        this.json = json;
        // A stored body is our own output: read it back without the strictness that guards callers' input.
        this.replayReader = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        if (!changesState(method)) {
            return invocation.proceed();
        }
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        checkKey(key);
        String caller = this.caller.userId();
        String fingerprint = fingerprint(invocation);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<StoredResponse> stored = keys.claim(caller, key, fingerprint);
            if (stored.isPresent()) {
                return replay(stored.get(), fingerprint, method.getReturnType());
            }
            Object result = invocation.proceed();
            // Surfaces a concurrent update as its own 409 now, before the response is stored and the commit runs.
            em.flush();
            store(caller, key, result);
            return result;
        });
    }

    private static boolean changesState(Method method) {
        return method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(DELETE.class);
    }

    private static void checkKey(String key) {
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!printable) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /** What makes two requests "the same": the operation, the path with its ids and query, and the body's content. */
    private String fingerprint(InvocationContext invocation) throws JsonProcessingException, NoSuchAlgorithmException {
        StringBuilder text = new StringBuilder(request.method().name()).append(' ').append(request.uri());
        int body = BodyParameter.indexIn(invocation.getMethod());
        if (body >= 0) {
            text.append('\n').append(json.writeValueAsString(invocation.getParameters()[body]));
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private void store(String caller, String key, Object result) throws JsonProcessingException {
        int status = 200;
        Object entity = result;
        String location = null;
        if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            URI uri = response.getLocation();
            location = uri == null ? null : uri.toString();
        } else if (result == null) {
            status = 204;
        }
        keys.complete(caller, key, status, entity == null ? null : json.writeValueAsString(entity), location);
    }

    private Object replay(StoredResponse stored, String fingerprint, Class<?> returnType) throws JsonProcessingException {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "Unprocessable Content",
                    HEADER + " was already used for another request; use a new key for a new request",
                    List.of(new Problem.FieldError(HEADER, "already used for another request"))));
        }
        HttpServerResponse response = request.response();
        response.putHeader("Idempotent-Replayed", "true");
        if (Response.class.isAssignableFrom(returnType)) {
            Response.ResponseBuilder replayed = Response.status(stored.status());
            if (stored.body() != null) {
                replayed.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (stored.location() != null) {
                replayed.location(URI.create(stored.location()));
            }
            return replayed.build();
        }
        if (returnType == void.class || stored.body() == null) {
            return null;
        }
        return replayReader.readValue(stored.body(), returnType);
    }
}
