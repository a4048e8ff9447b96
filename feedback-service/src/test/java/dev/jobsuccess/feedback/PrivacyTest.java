package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static dev.jobsuccess.feedback.Api.CLIENT_FULL;
import static dev.jobsuccess.feedback.Api.FREELANCER_FULL;
import static dev.jobsuccess.feedback.Api.submit;
import static dev.jobsuccess.feedback.ClosedContracts.closedContract;
import static dev.jobsuccess.feedback.ClosedContracts.newUser;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.jobsuccess.commons.time.AdjustableClock;
import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Private feedback (§d.2 rule 7) and the double blind (§d.2 rule 3), over every GET endpoint the service has, for
 * every kind of caller: the client who wrote, the freelancer, strangers of both roles, and the platform. The walk is
 * checked against the OpenAPI document, so a GET endpoint added later is walked too or this test fails.
 */
@QuarkusTest
class PrivacyTest {

    static final Instant ENDED_AT = Instant.parse("2025-05-10T14:00:00Z");
    /** What only the client's private part says (CLIENT_FULL). */
    static final List<String> CLIENT_SECRETS = List.of("would hire again", "JOB_COMPLETED_SUCCESSFULLY");
    /** What only the freelancer's private part says (FREELANCER_FULL). */
    static final List<String> FREELANCER_SECRETS = List.of("CLIENT_NOT_RESPONSIVE");
    /** JSON keys that belong to private parts, in any feedback. */
    static final List<String> PRIVATE_KEYS = List.of("\"private\"", "recommendScore", "\"note\"", "endReasonCode");

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void dayAfterTheEnd() {
        clock.pin(Instant.parse("2025-05-11T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Caller(String name, String token) {}

    record Endpoint(String template, String path) {}

    @Test
    void noEndpointLeaksPrivateFeedbackOrUnrevealedFeedbackToAnyCaller() {
        Contract k = closedContract(ENDED_AT);
        Caller clientAuthor = new Caller("client (author)", Api.client(k));
        Caller freelancer = new Caller("freelancer", Api.freelancer(k));
        Caller freelancerWithBothRoles = new Caller("freelancer holding CLIENT too", bearer(k.freelancerId(), "FREELANCER", "CLIENT"));
        Caller strangerClient = new Caller("stranger client", bearer(newUser("c"), "CLIENT"));
        Caller strangerFreelancer = new Caller("stranger freelancer", bearer(newUser("f"), "FREELANCER"));
        Caller platform = new Caller("platform", Api.platform());
        List<Caller> everyone = List.of(clientAuthor, freelancer, freelancerWithBothRoles, strangerClient, strangerFreelancer, platform);

        String clientFeedback = submit(clientAuthor.token(), k.id(), CLIENT_FULL).statusCode(201).extract().path("feedbackId");

        // Before the reveal: only the author and the platform see the client's feedback at all.
        Set<String> walked = new TreeSet<>();
        for (Caller c : everyone) {
            for (Endpoint e : endpoints(k, clientFeedback)) {
                walked.add(e.template());
                Response r = get(c, e);
                String body = r.asString();
                boolean contractEndpoint = e.template().startsWith("/contracts/");
                if (c == clientAuthor || c == platform) {
                    if (contractEndpoint) {
                        assertEquals(200, r.statusCode(), c.name() + " " + e.path());
                        assertTrue(body.contains("would hire again"), c.name() + " sees the private note at " + e.path());
                    }
                } else {
                    if (contractEndpoint && (c == strangerClient || c == strangerFreelancer)) {
                        assertEquals(404, r.statusCode(), c.name() + " " + e.path());
                    }
                    if (e.template().endsWith("{feedbackId}")) {
                        assertEquals(404, r.statusCode(), c.name() + " must not learn the unrevealed feedback exists: " + body);
                    }
                    assertLeaksNothingOf(c, e, body, CLIENT_SECRETS);
                    if (!e.template().endsWith("{feedbackId}")) { // there the caller sent the id, and the 404 echoes the path
                        assertFalse(body.contains(clientFeedback), c.name() + " learns the unrevealed feedback's id at " + e.path() + ": " + body);
                    }
                    assertFalse(body.contains("Great work"), c.name() + " sees the unrevealed public comment at " + e.path() + ": " + body);
                    assertNoPrivateKeys(c, e, body);
                }
                if (e.template().startsWith("/freelancers/")) {
                    assertEquals(200, r.statusCode(), c.name() + " reads any profile");
                    assertNoPrivateKeys(c, e, body);
                    assertFalse(body.contains(clientFeedback), "unrevealed feedback is not on the profile: " + body);
                }
            }
        }
        assertEquals(getEndpointsInOpenApi(), walked, "every GET endpoint of the service is walked");
        assertEquals(WRITES_REVIEWED, writeOperationsInOpenApi(), "a new write operation answers its caller with feedback: "
                + "check here what it shows them, then add it");

        // The freelancer submits: both are revealed. Each party now sees the other's public part, never its private part.
        String freelancerFeedback = submit(freelancer.token(), k.id(), FREELANCER_FULL).statusCode(201).extract().path("feedbackId");
        // The writes that answer with a feedback answer the freelancer without the client's private part: the reply...
        String replied = Api.reply(freelancer.token(), k.id(), clientFeedback, "Thanks").statusCode(201).extract().asString();
        assertLeaksNothingOf(freelancer, new Endpoint("/contracts/{id}/feedback/{feedbackId}/reply", "reply"), replied, CLIENT_SECRETS);
        assertNoPrivateKeys(freelancer, new Endpoint("/contracts/{id}/feedback/{feedbackId}/reply", "reply"), replied);
        // ...and the walk below shows it (in the views that show the public part) to everyone who sees that part.
        for (Caller c : everyone) {
            for (String feedbackId : List.of(clientFeedback, freelancerFeedback)) {
                for (Endpoint e : endpoints(k, feedbackId)) {
                    Response r = get(c, e);
                    String body = r.asString();
                    boolean contractEndpoint = e.template().startsWith("/contracts/");
                    if (c == platform) {
                        // PLATFORM's list names a user (userId): without one it is refused, and shows nothing.
                        assertEquals(e.template().equals("/feedback") ? 400 : 200, r.statusCode(), e.path());
                        if (e.template().equals("/contracts/{id}/feedback")) {
                            assertTrue(body.contains("would hire again") && body.contains("CLIENT_NOT_RESPONSIVE"), "the platform sees both: " + body);
                        }
                    } else if (c == clientAuthor) {
                        assertEquals(200, r.statusCode(), c.name() + " " + e.path());
                        assertLeaksNothingOf(c, e, body, FREELANCER_SECRETS);
                        assertOnlyOwnPrivatePart(c, body, "CLIENT", e);
                    } else if (c == freelancer || c == freelancerWithBothRoles) {
                        assertEquals(200, r.statusCode(), c.name() + " " + e.path());
                        assertLeaksNothingOf(c, e, body, CLIENT_SECRETS);
                        assertOnlyOwnPrivatePart(c, body, "FREELANCER", e);
                    } else {
                        if (contractEndpoint) {
                            assertEquals(404, r.statusCode(), c.name() + " " + e.path());
                        }
                        assertLeaksNothingOf(c, e, body, CLIENT_SECRETS);
                        assertLeaksNothingOf(c, e, body, FREELANCER_SECRETS);
                        assertNoPrivateKeys(c, e, body);
                    }
                    if (e.template().startsWith("/freelancers/")) {
                        assertNoPrivateKeys(c, e, body);
                        assertTrue(body.contains("Great work"), "the revealed client feedback is on the profile: " + body);
                        assertTrue(body.contains("Thanks"), "with the freelancer's reply: " + body);
                        assertFalse(body.contains("Clear brief"), "the freelancer's feedback on the client is not on the freelancer's profile");
                    }
                }
            }
        }
    }

    /** The contract's feedback, one feedback, the freelancer's profile, and the caller's own lists of feedback. */
    private static List<Endpoint> endpoints(Contract k, String feedbackId) {
        return List.of(
                new Endpoint("/contracts/{id}/feedback", "/contracts/" + k.id() + "/feedback"),
                new Endpoint("/contracts/{id}/feedback/{feedbackId}", "/contracts/" + k.id() + "/feedback/" + feedbackId),
                new Endpoint("/freelancers/{id}/feedback", "/freelancers/" + k.freelancerId() + "/feedback"),
                // The caller's own lists: received (revealed, public parts) and given (their own, private part included).
                new Endpoint("/feedback", "/feedback"),
                new Endpoint("/feedback", "/feedback?direction=GIVEN"));
    }

    private static Response get(Caller c, Endpoint e) {
        return given().header("Authorization", c.token()).get(e.path());
    }

    /**
     * The write operations whose answers were checked for what they show their caller: submit (the author's own), the
     * mid-contract feedback (the client's own, no private part: MidContractFeedbackTest), allow-edit and edit (the
     * recipient's and the author's view, EditPublicTest), the reply (above).
     */
    static final Set<String> WRITES_REVIEWED = new TreeSet<>(List.of(
            "POST /contracts/{id}/feedback", "POST /contracts/{id}/mid-contract-feedback",
            "POST /contracts/{id}/feedback/{feedbackId}/allow-edit", "PUT /contracts/{id}/feedback/{feedbackId}/public",
            "POST /contracts/{id}/feedback/{feedbackId}/reply"));

    private static Set<String> writeOperationsInOpenApi() {
        JsonNode paths = Events.parse(given().accept("application/json").get("/q/openapi?format=json").asString()).path("paths");
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                if (paths.get(path).has(method) && !path.startsWith("/admin/")) {
                    out.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return out;
    }

    /** The GET paths of the OpenAPI document that serve feedback (the commons' clock endpoint holds none). */
    private static Set<String> getEndpointsInOpenApi() {
        JsonNode paths = Events.parse(given().accept("application/json").get("/q/openapi?format=json").asString()).path("paths");
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            if (paths.get(path).has("get") && !path.startsWith("/admin/")) {
                out.add(path);
            }
        }
        return out;
    }

    private static void assertLeaksNothingOf(Caller c, Endpoint e, String body, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(body.contains(secret), c.name() + " sees " + secret + " at " + e.path() + ": " + body);
        }
    }

    private static void assertNoPrivateKeys(Caller c, Endpoint e, String body) {
        for (String key : PRIVATE_KEYS) {
            assertFalse(body.contains(key), c.name() + " sees " + key + " at " + e.path() + ": " + body);
        }
    }

    /** Every private part in the body is the caller's own feedback's. */
    private static void assertOnlyOwnPrivatePart(Caller c, String body, String ownRole, Endpoint e) {
        JsonNode json = Events.parse(body);
        List<JsonNode> items = new ArrayList<>();
        if (json.has("feedback")) {
            json.get("feedback").forEach(items::add);
        } else if (json.has("items")) {
            json.get("items").forEach(items::add);
        } else {
            items.add(json);
        }
        for (JsonNode item : items) {
            boolean own = ownRole.equals(item.path("authorRole").asText());
            assertEquals(own, item.has("private"), c.name() + " at " + e.path() + ": private part present only on own feedback: " + item);
        }
    }
}
