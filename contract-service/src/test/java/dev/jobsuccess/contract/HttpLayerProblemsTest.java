package dev.jobsuccess.contract;

import static dev.jobsuccess.contract.Api.activeFixed;
import static dev.jobsuccess.contract.Api.client;
import static dev.jobsuccess.contract.Api.ledger;
import static dev.jobsuccess.contract.Api.user;
import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import io.quarkus.test.junit.QuarkusTest;

/** Refusals the framework makes before any resource runs are RFC 9457 problems too, and change nothing. */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anUnknownPathIsAProblem() {
        given().header("Authorization", bearer(user("c"), "CLIENT")).get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void aBodyWithoutAJsonContentTypeIs415AndPaysNothing() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        given().header("Authorization", bearer(c, "CLIENT")).body("{\"amountCents\":500}").post("/contracts/{id}/bonus", id)
                .then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", bearer(c, "CLIENT")).contentType("text/plain").body("{\"amountCents\":500}")
                .post("/contracts/{id}/bonus", id).then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, ledger(c, id).stream().filter(e -> e.startsWith("BONUS")).count());
    }

    @Test
    void aBodyOverTheSizeLimitIs413AndPaysNothing() throws Exception {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        // Longer than quarkus.http.limits.max-body-size (10 MB), in a shape that only its end would make invalid.
        String body = "{\"amountCents\":500" + " ".repeat(11 * 1024 * 1024) + "}";
        // It says its length up front: refused unread, with a problem body.
        client(c).body(body).post("/contracts/{id}/bonus", id).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        // Chunked, it says nothing up front: Quarkus' own streaming read cuts it off at the limit (a bare 413).
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(base + "contracts/" + id + "/bonus"))
                    .header("Authorization", bearer(c, "CLIENT")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode());
        }
        assertEquals(0, ledger(c, id).stream().filter(e -> e.startsWith("BONUS")).count());
    }

    @Test
    void aBodyTooLargeToReadAheadIsStillServed() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        // Over the 64 KiB read ahead on the I/O thread, so the worker streams it.
        client(c).body("{\"amountCents\":500" + " ".repeat(200 * 1024) + "}").post("/contracts/{id}/bonus", id)
                .then().statusCode(200);
        assertEquals(1, ledger(c, id).stream().filter(e -> e.startsWith("BONUS")).count());
    }

    @Test
    void anHttp2RequestWithABodyIsServed() throws Exception {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            // The first request upgrades the connection to h2c; the bonus then goes as an HTTP/2 stream with a body.
            URI ledger = URI.create(base + "contracts/" + id + "/ledger");
            http.send(HttpRequest.newBuilder(ledger).header("Authorization", bearer(c, "CLIENT")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> bonus = http.send(HttpRequest.newBuilder(URI.create(base + "contracts/" + id + "/bonus"))
                    .header("Authorization", bearer(c, "CLIENT")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\":500}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, bonus.version());
            assertEquals(200, bonus.statusCode(), bonus.body());
        }
        assertEquals(1, ledger(c, id).stream().filter(e -> e.startsWith("BONUS")).count());
    }

    @Test
    void trailingGarbageAndEnumNumbersAreRefusedNamingTheField() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        client(c).body("{\"amountCents\":500} xyz").post("/contracts/{id}/bonus", id).then().statusCode(400)
                .contentType("application/problem+json");
        client(c).body("{\"endReasonCode\":1}").post("/contracts/{id}/end", id).then().statusCode(400)
                .body("errors[0].field", equalTo("endReasonCode"));
        client(c).get("/contracts/{id}/balance?asOf=yesterday", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        assertEquals("ACTIVE", Api.contract(c, "CLIENT", id).getString("status"));
    }

    @Test
    void aWrongMethodIsAProblem() {
        String c = user("c");
        String id = activeFixed(c, user("f"), 50_000);
        client(c).delete("/contracts/{id}", id).then().statusCode(405).contentType("application/problem+json");
    }
}
