package dev.jobsuccess.feedback;

import static dev.jobsuccess.commons.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;

import dev.jobsuccess.feedback.ClosedContracts.Contract;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The service's REST API as the tests call it, and the feedback bodies they send. */
final class Api {

    /** LEGACY_2015, by the client: every field, a positive rating and a note. */
    static final String CLIENT_FULL = """
            {"public": {"scores": {"skills": 5, "quality": 5, "availability": 5, "deadlines": 5, "communication": 5, "cooperation": 4},
                        "comment": "Great work"},
             "private": {"recommendScore": 9, "endReasonCode": "JOB_COMPLETED_SUCCESSFULLY", "note": "would hire again"}}""";
    /** LEGACY_2015, by the client: the private part only. */
    static final String CLIENT_PRIVATE_ONLY = """
            {"private": {"recommendScore": 3, "endReasonCode": "JOB_COMPLETED_UNSUCCESSFULLY"}}""";
    /** LEGACY_2015, by the freelancer: public scores and the freelancer's private rating of the client. */
    static final String FREELANCER_FULL = """
            {"public": {"scores": {"skills": 4, "quality": 4, "availability": 4, "deadlines": 4, "communication": 4, "cooperation": 4},
                        "comment": "Clear brief"},
             "private": {"recommendScore": 2, "endReasonCode": "CLIENT_NOT_RESPONSIVE"}}""";

    /** LEGACY_2015 mid-contract feedback by the client: the public part alone. */
    static final String MID_CONTRACT = """
            {"public": {"scores": {"skills": 5, "quality": 4, "availability": 5, "deadlines": 4, "communication": 5, "cooperation": 5},
                        "comment": "Good progress so far"}}""";

    private Api() {
    }

    static String client(Contract k) {
        return bearer(k.clientId(), "CLIENT");
    }

    static String freelancer(Contract k) {
        return bearer(k.freelancerId(), "FREELANCER");
    }

    static String platform() {
        return bearer("ops", "PLATFORM");
    }

    /** The client's LEGACY_2015 feedback with the given private rating and the same rating on all six public scores. */
    static String clientFeedback(int recommend, int stars) {
        return feedback(recommend, stars, recommend >= 7 ? "JOB_COMPLETED_SUCCESSFULLY" : "JOB_COMPLETED_UNSUCCESSFULLY");
    }

    /** The freelancer's LEGACY_2015 feedback on the client with the given private rating and six equal public scores. */
    static String freelancerFeedback(int recommend, int stars) {
        return feedback(recommend, stars, recommend >= 7 ? "JOB_COMPLETED_SUCCESSFULLY" : "CLIENT_NOT_RESPONSIVE");
    }

    private static String feedback(int recommend, int stars, String reason) {
        return """
                {"public": {"scores": {"skills": %1$d, "quality": %1$d, "availability": %1$d, "deadlines": %1$d, "communication": %1$d, "cooperation": %1$d}},
                 "private": {"recommendScore": %2$d, "endReasonCode": "%3$s"}}""".formatted(stars, recommend, reason);
    }

    static ValidatableResponse submit(String auth, String contractId, String body) {
        return as(auth).contentType(ContentType.JSON).body(body).post("/contracts/{id}/feedback", contractId).then();
    }

    static ValidatableResponse midContract(String auth, String contractId, String body) {
        return as(auth).contentType(ContentType.JSON).body(body).post("/contracts/{id}/mid-contract-feedback", contractId).then();
    }

    static ValidatableResponse reply(String auth, String contractId, String feedbackId, String text) {
        return as(auth).contentType(ContentType.JSON).body(java.util.Map.of("text", text))
                .post("/contracts/{id}/feedback/{feedbackId}/reply", contractId, feedbackId).then();
    }

    static ValidatableResponse read(String auth, String contractId) {
        return as(auth).get("/contracts/{id}/feedback", contractId).then();
    }

    static ValidatableResponse readOne(String auth, String contractId, String feedbackId) {
        return as(auth).get("/contracts/{id}/feedback/{feedbackId}", contractId, feedbackId).then();
    }

    static ValidatableResponse allowEdit(String auth, String contractId, String feedbackId) {
        return as(auth).post("/contracts/{id}/feedback/{feedbackId}/allow-edit", contractId, feedbackId).then();
    }

    static ValidatableResponse editPublic(String auth, String contractId, String feedbackId, String body) {
        return as(auth).contentType(ContentType.JSON).body(body)
                .put("/contracts/{id}/feedback/{feedbackId}/public", contractId, feedbackId).then();
    }

    /** The freelancer's public profile feedback; {@code query} like "page=1&size=2", or "". */
    static ValidatableResponse profile(String auth, String freelancerId, String query) {
        return as(auth).get("/freelancers/{id}/feedback" + (query.isEmpty() ? "" : "?" + query), freelancerId).then();
    }

    private static RequestSpecification as(String auth) {
        RequestSpecification request = given();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return request;
    }
}
