package dev.jobsuccess.commons.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code code} is a stable machine-readable name (e.g. WINDOW_CLOSED);
 * {@code errors} names each offending field of a bad request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {}

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("urn:jobsuccess:problem:" + code.toLowerCase().replace('_', '-'), title, status, detail, null, code,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    /** 413: the request carries more than the service takes (a body over the size limit, a list over its bound). */
    public static Problem payloadTooLarge(String detail, List<FieldError> errors) {
        return of(413, "PAYLOAD_TOO_LARGE", "Payload too large", detail, errors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, errors);
    }
}
