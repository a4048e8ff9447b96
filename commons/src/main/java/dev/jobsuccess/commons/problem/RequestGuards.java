package dev.jobsuccess.commons.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.jobsuccess.commons.json.StrictJson;

/**
 * Checks every matched request before its resource runs:
 * <ul>
 * <li>Path and query parameters carry no control characters, unpaired surrogates or undecodable bytes, and stay
 * under {@link #MAX_PARAMETER_LENGTH} characters: PostgreSQL cannot store a NUL, and nothing we name is that long.</li>
 * <li>Typed query parameters convert: JAX-RS would answer a malformed one with 404 and no name; here it is a 400
 * naming it, with dates and instants held to the range JSON bodies have.</li>
 * <li>An operation that reads a JSON body gets one declared as JSON: without a Content-Type the framework would
 * guess, so the request answers 415 instead.</li>
 * </ul>
 */
public class RequestGuards {

    static final int MAX_PARAMETER_LENGTH = 200;

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request, ResourceInfo resource) {
        Response refused = parameters("path", request.getUriInfo().getPathParameters());
        if (refused == null) {
            refused = parameters("query", request.getUriInfo().getQueryParameters());
        }
        if (refused == null) {
            refused = typedQueryParameters(request, resource.getResourceMethod());
        }
        if (refused == null && request.getMediaType() == null && BodyParameter.indexIn(resource.getResourceMethod()) >= 0) {
            refused = problem(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                    "the body must be sent with Content-Type: application/json", null));
        }
        return refused;
    }

    private static Response parameters(String where, Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String rule = null;
                if (value.length() > MAX_PARAMETER_LENGTH) {
                    rule = "must not be longer than " + MAX_PARAMETER_LENGTH + " characters";
                } else if (!plain(value)) {
                    rule = "must not contain control characters or undecodable bytes";
                }
                if (rule != null) {
                    return problem(Problem.of(400, "INVALID_REQUEST", "Invalid request",
                            where + " parameter " + parameter.getKey() + ": " + rule,
                            List.of(new Problem.FieldError(parameter.getKey(), rule))));
                }
            }
        }
        return null;
    }

    /** As every JSON string must be, and single-line, and without U+FFFD (what a decoder leaves for non-UTF-8 bytes). */
    private static boolean plain(String value) {
        return StrictJson.PlainString.isPlain(value) && value.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == 0xFFFD);
    }

    private static Response typedQueryParameters(ContainerRequestContext request, Method method) {
        if (method == null) {
            return null;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        java.lang.reflect.Type[] generic = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof jakarta.ws.rs.QueryParam query) {
                    Class<?> type = elementType(types[i], generic[i]);
                    for (String value : request.getUriInfo().getQueryParameters().getOrDefault(query.value(), List.of())) {
                        String rule = conversionRule(value, type);
                        if (rule != null) {
                            return problem(Problem.of(400, "INVALID_REQUEST", "Invalid request",
                                    "query parameter " + query.value() + ": " + rule,
                                    List.of(new Problem.FieldError(query.value(), rule))));
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A repeatable parameter's element type (List<ContractStatus>: ContractStatus); else the type itself. */
    private static Class<?> elementType(Class<?> type, java.lang.reflect.Type generic) {
        if (java.util.Collection.class.isAssignableFrom(type) && generic instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    /** Null when the value converts to the type, else what it must be. */
    static String conversionRule(String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false";
                }
            } else if (type == java.util.UUID.class) {
                if (value.length() != 36) {
                    return "must be a UUID";
                }
                java.util.UUID.fromString(value);
            } else if (type == java.time.LocalDate.class) {
                return inRange(java.time.LocalDate.parse(value));
            } else if (type == java.time.Instant.class) {
                return inRange(java.time.Instant.parse(value).atOffset(java.time.ZoneOffset.UTC).toLocalDate());
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return null;
                    }
                }
                return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
            }
            return null;
        } catch (RuntimeException e) {
            return switch (type.getSimpleName()) {
                case "int", "Integer" -> "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
                case "long", "Long" -> "must be an integer";
                case "LocalDate" -> "must be an ISO-8601 date, e.g. 2025-07-01";
                case "Instant" -> "must be an ISO-8601 UTC instant, e.g. 2025-07-01T00:00:00Z";
                default -> "must be a " + type.getSimpleName();
            };
        }
    }

    private static String inRange(java.time.LocalDate date) {
        return StrictJson.inRange(date) ? null : StrictJson.DATE_RULE;
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
