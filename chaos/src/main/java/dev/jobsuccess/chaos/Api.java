package dev.jobsuccess.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The driver's REST client, as a careful client of the platform would be: each logical request goes to the replicas
 * of its service in turn, and is sent again (to either replica) on a connection error, a timeout or a 5xx, with the same
 * Idempotency-Key, until it gets a definite answer (2xx or 4xx) or the give-up time passes.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String code() {
            return body.path("code").asText("");
        }
    }

    /** No definite answer within the give-up time: what the request did is unknown. */
    static final class Unanswered extends RuntimeException {
        Unanswered(String what) {
            super(what);
        }
    }

    /** A 4xx that is worth sending again: the state it waits for is on its way (e.g. a window not yet opened). */
    static final BiPredicate<Integer, String> NO_RETRY_ON_4XX = (status, code) -> false;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, List<String>> replicas;
    private final Tokens tokens;
    private final Stats stats;
    private final Duration giveUp;
    private final AtomicLong next = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    Api(Map<String, List<String>> replicas, Tokens tokens, Stats stats, Duration giveUp) {
        this.replicas = replicas;
        this.tokens = tokens;
        this.stats = stats;
        this.giveUp = giveUp;
    }

    Response get(String service, String path, String user, String role) {
        return call(service, "GET", path, user, role, null, NO_RETRY_ON_4XX);
    }

    Response post(String service, String path, String user, String role, Object body) {
        return call(service, "POST", path, user, role, body, NO_RETRY_ON_4XX);
    }

    Response call(String service, String method, String path, String user, String role, Object body,
                  BiPredicate<Integer, String> retry4xx) {
        requests.incrementAndGet();
        String json;
        try {
            json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        String key = method.equals("GET") ? null : UUID.randomUUID().toString();
        List<String> urls = replicas.get(service);
        long deadline = System.nanoTime() + giveUp.toNanos();
        int attempt = 0;
        while (true) {
            String base = urls.get((int) (next.getAndIncrement() % urls.size()));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(6))
                    .header("Authorization", "Bearer " + tokens.of(user, role));
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            if (json != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            Set<FaultKind> during = stats.activeFaults();
            stats.count(Stats.Outcome.SENT, during);
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode parsed = r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : parse(r.body());
                Response response = new Response(r.statusCode(), parsed);
                if (response.ok()) {
                    stats.count(Stats.Outcome.OK_2XX, during);
                    return response;
                }
                if (r.statusCode() / 100 == 4) {
                    stats.count(Stats.Outcome.CLIENT_4XX, during);
                    // A refused request changed nothing (and stored no answer under its key): sending it again is safe.
                    if (!retry4xx.test(r.statusCode(), response.code()) && !"CONCURRENT_UPDATE".equals(response.code())) {
                        return response;
                    }
                } else {
                    stats.count(Stats.Outcome.SERVER_5XX, during);
                }
            } catch (IOException e) {
                stats.count(Stats.Outcome.CONNECTION_ERROR, during);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                unanswered.incrementAndGet();
                throw new Unanswered(method + " " + service + path + " had no definite answer within " + giveUp);
            }
            attempt++;
            sleep(Math.min(2_000, 100L * attempt));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
