package dev.jobsuccess.commons.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.jobsuccess.commons.json.StrictJson;

/** Turns every failure a request can meet into an RFC 9457 body; nothing leaves as HTML or an empty 4xx. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    /** Quarkus throws this subtype for resource parameters; without this mapper its own plain-JSON report wins. */
    @ServerExceptionMapper(priority = 1)
    public Response invalidParameters(ResteasyReactiveViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"))) {
            LOG.error("a response broke its own constraints", e);
            return respond(Problem.of(500, "INTERNAL_ERROR", "Internal Server Error", "internal error", null), uri);
        }
        return invalid(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "INVALID_REQUEST", "Invalid request", detail, errors), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f) {
            message = StrictJson.RULES.contains(f.getOriginalMessage()) ? f.getOriginalMessage()
                    : "cannot read " + quote(f.getValue()) + " as " + typeName(f.getTargetType());
        } else if (e instanceof JsonMappingException m && m.getPath() != null && !m.getPath().isEmpty()) {
            message = "has the wrong type or shape" + (e.getOriginalMessage() != null && e.getOriginalMessage().contains("not one of the values accepted")
                    ? ": " + e.getOriginalMessage().replaceAll(".*(not one of the values accepted for Enum class: \\[[^]]*]).*", "$1") : "");
        } else {
            field = field.isEmpty() ? "body" : field;
            message = "is not valid JSON";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return respond(Problem.of(400, "INVALID_REQUEST", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message))), uri);
    }

    // Mappers pick the most specific exception type first, and Quarkus maps these subtypes itself
    // to plain JSON, so each is claimed here explicitly.
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        return unreadable((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(InvalidFormatException e, UriInfo uri) {
        return unreadable((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadable((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(ValueInstantiationException e, UriInfo uri) {
        return unreadable((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonParseException e, UriInfo uri) {
        return unreadable((JsonProcessingException) e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "a valid bearer token is required", null), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "UNAUTHENTICATED", "Unauthorized", "a valid bearer token is required", null), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "the caller's role may not do this", null), uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return concurrent(uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(StaleObjectStateException e, UriInfo uri) {
        return concurrent(uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a body that is not JSON at all in a 400 WebApplicationException.
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String reason = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String code = reason.toUpperCase().replaceAll("[^A-Z]+", "_");
        return respond(Problem.of(status, code, reason, status >= 500 ? "internal error" : e.getMessage(), null), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal Server Error", "internal error", null), uri);
    }

    private Response concurrent(UriInfo uri) {
        return respond(Problem.of(409, "CONCURRENT_UPDATE", "Conflict",
                "another request changed this resource at the same time; read it again and retry", null), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.withInstance(uri.getPath()))
                .build();
    }

    /** The request field a violation is about: "create.request.amountCents" becomes "amountCents". */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> names.add("#param:" + node.getName());
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        String last = names.removeLast();
                        names.add(last + "[" + node.getIndex() + "]");
                    }
                    if (!name.isEmpty() && !name.startsWith("<")) {
                        names.add(name);
                    }
                }
            }
        }
        // A parameter name is only useful when nothing inside it is named (a query or path parameter).
        List<String> inner = names.stream().filter(n -> !n.startsWith("#param:")).toList();
        if (!inner.isEmpty()) {
            return String.join(".", inner);
        }
        return names.isEmpty() ? "body" : names.getLast().substring("#param:".length());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String quote(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        // The caller's own value, echoed: bounded, and without characters a log or a terminal would act on.
        text = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return text.codePoints().allMatch(c -> !Character.isISOControl(c) && Character.isDefined(c)) ? text : "the value";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "an integer";
            case "Instant" -> "an ISO-8601 UTC instant";
            case "LocalDate" -> "an ISO-8601 date";
            case "UUID" -> "a UUID";
            case "boolean", "Boolean" -> "true or false";
            default -> type.getSimpleName();
        };
    }
}
