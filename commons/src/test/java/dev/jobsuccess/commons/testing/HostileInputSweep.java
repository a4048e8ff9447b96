package dev.jobsuccess.commons.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends a generated set of hostile inputs to every operation of a service's OpenAPI document, as a real party
 * would, and reports what the service must never do:
 * <ul>
 * <li>answer 5xx;</li>
 * <li>answer a 4xx that is not problem+json, or a 400 that does not name the offending field;</li>
 * <li>accept (2xx) an input that is invalid whatever the state: bad JSON, wrong types, numbers for enums, trailing
 * garbage, control characters, huge numbers and strings, extreme dates, unknown fields, huge arrays;</li>
 * <li>change state while refusing: the caller's snapshot must be the same after those inputs.</li>
 * </ul>
 * Operations come from the document, so a new endpoint is swept without anyone writing a case for it. Inputs
 * that may be valid in some state (a missing optional field, zero, an empty string) are sent last and checked
 * only for the first two rules.
 *
 * <p>Not sent: a malformed percent-encoding such as {@code %zz}. Quarkus' URI check refuses it with a bare 400 before any
 * application code (filter, route or mapper) runs, so no service can answer it with a problem body.
 */
public final class HostileInputSweep {

    /** Who may send a request: the sweep picks, per operation, the first caller it does not refuse for its role. */
    public record Caller(String name, String bearer) {}

    /** One rule broken by one request. */
    public record Finding(String operation, String input, int status, String why) {
        @Override
        public String toString() {
            return operation + " [" + input + "] -> " + status + ": " + why;
        }
    }

    public record Report(int sent, int operations, List<Finding> findings) {}

    private record Input(String name, String method, String path, String contentType, byte[] body, boolean invalid) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final String MEGABYTE = "x".repeat(1 << 20);
    /** Stand-ins replaced by JSON escapes of unpaired surrogates, which a JSON writer would not produce. */
    private static final String LONE_HIGH = "@@sweep-lone-high@@";
    private static final String LONE_LOW = "@@sweep-lone-low@@";

    private final URI base;
    private final JsonNode openApi;
    private final List<Caller> callers;
    private final Map<String, String> pathValues;
    private final Supplier<?> state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.Set<String> onlyInvalid = new java.util.HashSet<>();
    private int sent;

    /**
     * @param base       the service's root, e.g. http://localhost:8081
     * @param callers    the parties of the fixture, in the order they are tried
     * @param pathValues a real value for each path parameter name (e.g. id → a contract the callers are parties to);
     *                   "template#name" (e.g. "/freelancers/{id}/feedback#id") sets it for one path only
     * @param state      a snapshot of everything the fixture's callers could change; compared with equals
     */
    public HostileInputSweep(URI base, List<Caller> callers, Map<String, String> pathValues, Supplier<?> state) {
        this.base = base;
        this.callers = List.copyOf(callers);
        this.pathValues = Map.copyOf(pathValues);
        this.state = state;
        this.openApi = fetchOpenApi();
    }

    /**
     * Sends only inputs that are invalid in any state to these operations (e.g. "POST /admin/snapshots"): their
     * possibly valid inputs would act for real on state other tests rely on.
     */
    public HostileInputSweep onlyInvalidInputsFor(String... operations) {
        onlyInvalid.addAll(List.of(operations));
        return this;
    }

    public Report run() {
        List<Finding> findings = new ArrayList<>();
        List<Runnable> later = new ArrayList<>();
        int operations = 0;
        Object before = state.get();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations++;
                String operation = method + " " + path.getKey();
                List<Input> inputs = inputs(method, path.getKey(), op.getValue());
                Caller caller = callerFor(method, path.getKey(), op.getValue(), findings, operation);
                for (Input input : inputs) {
                    if (input.invalid()) {
                        send(caller, operation, input, findings);
                    } else if (!onlyInvalid.contains(operation)) {
                        later.add(() -> send(caller, operation, input, findings));
                    }
                }
            }
        }
        Object after = state.get();
        if (!Objects.equals(before, after)) {
            findings.add(new Finding("(state)", "all invalid inputs", 0, "state changed:\n  before " + before + "\n  after  " + after));
        }
        later.forEach(Runnable::run);
        return new Report(sent, operations, findings);
    }

    // ---- which caller -------------------------------------------------------------------------------------

    /**
     * The first caller not refused for authorization (401/403). The probe names resources that do not exist and
     * sends a body that is not JSON, so that it cannot change anything.
     */
    private Caller callerFor(String method, String template, JsonNode op, List<Finding> findings, String operation) {
        Map<String, String> nowhere = new java.util.HashMap<>();
        Matcher names = TEMPLATE.matcher(template);
        while (names.find()) {
            nowhere.put(names.group(1), java.util.UUID.randomUUID().toString());
        }
        String path = fill(template, nowhere);
        byte[] body = op.has("requestBody") || !method.equals("GET") ? "{".getBytes(StandardCharsets.UTF_8) : null;
        for (Caller caller : callers) {
            int status = exchange(caller, new Input("probe", method, path, "application/json", body, false)).status();
            if (status != 401 && status != 403) {
                return caller;
            }
        }
        return callers.getFirst();
    }

    // ---- the inputs ---------------------------------------------------------------------------------------

    private List<Input> inputs(String method, String template, JsonNode op) {
        List<Input> inputs = new ArrayList<>();
        String path = fill(template, Map.of());
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);

        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"));
            if ("path".equals(p.path("in").asText())) {
                for (Map.Entry<String, Boolean> bad : List.of(Map.entry("a%00b", true), Map.entry("%1b", true),
                        Map.entry("x".repeat(3000), true), Map.entry("not-a-uuid", false), Map.entry("%2e%2e", false),
                        Map.entry("%ED%A0%80", true))) {
                    inputs.add(new Input("path " + name + "=" + abbreviate(bad.getKey()), method,
                            fill(template, Map.of(name, bad.getKey())), "application/json", plausibleBody(op), bad.getValue()));
                }
            } else if ("query".equals(p.path("in").asText())) {
                String type = schema.path("type").asText();
                Map<String, Boolean> values = new LinkedHashMap<>();
                values.put("%00", true);
                values.put("a%1bb", true);
                values.put("x".repeat(3000), !"string".equals(type) || schema.has("maxLength"));
                values.put("", false);
                values.put("abc", !"string".equals(type) || schema.has("enum") || schema.has("format"));
                values.put("-1", false);
                values.put("0", false);
                values.put("21474837", false);
                values.put("99999999999999999999", "integer".equals(type) || "number".equals(type));
                values.put("%2B999999999-12-31", "string".equals(type) && schema.has("format"));
                values.put("1.5", "integer".equals(type));
                for (Map.Entry<String, Boolean> v : values.entrySet()) {
                    inputs.add(new Input("query " + name + "=" + abbreviate(v.getKey()), method,
                            path + "?" + name + "=" + v.getKey(), "application/json", plausibleBody(op), v.getValue()));
                }
            }
        }

        JsonNode bodySchema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        if (bodySchema.isMissingNode() || bodySchema.isEmpty()) {
            return inputs;
        }
        boolean required = op.path("requestBody").path("required").asBoolean(false);
        JsonNode plausible = plausible(bodySchema);
        String text = plausible.toString();
        inputs.add(json("body: not JSON", method, path, "{", true));
        inputs.add(json("body: truncated", method, path, text.substring(0, Math.max(1, text.length() - 1)), true));
        inputs.add(json("body: empty", method, path, "", required));
        inputs.add(json("body: null", method, path, "null", required));
        inputs.add(json("body: array", method, path, "[]", !bodySchema.path("type").asText().equals("array")));
        inputs.add(json("body: string", method, path, "\"x\"", true));
        inputs.add(json("body: number", method, path, "12", true));
        inputs.add(json("body: trailing garbage", method, path, text + " xyz", true));
        inputs.add(json("body: two documents", method, path, text + text, true));
        inputs.add(new Input("body: no content type", method, path, null, text.getBytes(StandardCharsets.UTF_8), true));
        inputs.add(new Input("body: text/plain", method, path, "text/plain", text.getBytes(StandardCharsets.UTF_8), true));
        inputs.add(json("body: invalid UTF-8", method, path, null, true));
        if (plausible instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("sweepUnknownField", 1);
            inputs.add(json("body: unknown field", method, path, unknown.toString(), true));
            fieldInputs(method, path, object, bodySchema, "", inputs);
        }
        return inputs;
    }

    /** For each field of the body (and of nested objects): wrong types, extremes, nulls and omissions. */
    private void fieldInputs(String method, String path, ObjectNode root, JsonNode schema, String prefix, List<Input> inputs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode fieldSchema = resolve(property.getValue());
            for (Map.Entry<JsonNode, Boolean> bad : badValues(fieldSchema)) {
                ObjectNode body = root.deepCopy();
                set(body, field, bad.getKey());
                inputs.add(json(field + "=" + abbreviate(String.valueOf(bad.getKey())), method, path, body.toString(), bad.getValue()));
            }
            ObjectNode missing = root.deepCopy();
            remove(missing, field);
            inputs.add(json(field + " missing", method, path, missing.toString(), false));
            if ("object".equals(fieldSchema.path("type").asText()) && prefix.isEmpty()) {
                fieldInputs(method, path, root, fieldSchema, field, inputs);
            }
        }
    }

    /** Bad values for a field; true marks those invalid in any state. */
    private List<Map.Entry<JsonNode, Boolean>> badValues(JsonNode schema) {
        List<Map.Entry<JsonNode, Boolean>> values = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        values.add(Map.entry(NODES.nullNode(), false));
        values.add(Map.entry(NODES.objectNode().put("x", 1), !"object".equals(type)));
        if (!"array".equals(type)) {
            values.add(Map.entry(NODES.arrayNode().add(1), true));
        }
        switch (type) {
            case "string" -> {
                values.add(Map.entry(NODES.numberNode(12345), true));
                values.add(Map.entry(NODES.booleanNode(true), true));
                values.add(Map.entry(NODES.textNode(""), false));
                values.add(Map.entry(NODES.textNode("a\u0000b"), true));
                values.add(Map.entry(NODES.textNode("a\u001bb"), true));
                values.add(Map.entry(NODES.textNode(LONE_HIGH), true));
                values.add(Map.entry(NODES.textNode("a" + LONE_LOW + "b"), true));
                values.add(Map.entry(NODES.textNode(MEGABYTE), true));
                if (schema.has("enum")) {
                    values.add(Map.entry(NODES.numberNode(1), true));
                    values.add(Map.entry(NODES.textNode("NOT_A_VALUE"), true));
                    values.add(Map.entry(NODES.textNode("1"), true));
                }
                if (format.equals("date") || format.equals("date-time")) {
                    String suffix = format.equals("date") ? "" : "T00:00:00Z";
                    values.add(Map.entry(NODES.numberNode(20250701), true));
                    values.add(Map.entry(NODES.textNode("+999999999-12-31" + suffix), true));
                    values.add(Map.entry(NODES.textNode("-999999999-01-01" + suffix), true));
                    values.add(Map.entry(NODES.textNode("0001-01-01" + suffix), true));
                    values.add(Map.entry(NODES.textNode("9999-12-31" + suffix), true));
                    values.add(Map.entry(NODES.textNode("2025-13-45" + suffix), true));
                    values.add(Map.entry(NODES.textNode("1970-01-01" + suffix), false));
                }
                if (format.equals("uuid")) {
                    values.add(Map.entry(NODES.textNode("not-a-uuid"), true));
                }
            }
            case "integer", "number" -> {
                values.add(Map.entry(NODES.textNode("12"), true));
                values.add(Map.entry(NODES.booleanNode(true), true));
                values.add(Map.entry(NODES.numberNode(0), false));
                values.add(Map.entry(NODES.numberNode(-1), false));
                values.add(Map.entry(NODES.numberNode(Long.MAX_VALUE), true));
                values.add(Map.entry(NODES.numberNode(Long.MIN_VALUE), true));
                values.add(Map.entry(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), true));
                values.add(Map.entry(NODES.numberNode(1e308), true));
                if ("integer".equals(type)) {
                    values.add(Map.entry(NODES.numberNode(1.5), true));
                }
            }
            case "boolean" -> {
                values.add(Map.entry(NODES.numberNode(0), true));
                values.add(Map.entry(NODES.numberNode(1), true));
                values.add(Map.entry(NODES.textNode("true"), true));
                values.add(Map.entry(NODES.textNode(""), true));
            }
            case "array" -> {
                values.add(Map.entry(NODES.textNode("x"), true));
                values.add(Map.entry(NODES.arrayNode().addNull(), true));
                values.add(Map.entry(NODES.arrayNode(), false));
                ArrayNode huge = NODES.arrayNode();
                JsonNode item = plausible(resolve(schema.path("items")));
                for (int i = 0; i < 10_000; i++) {
                    huge.add(item);
                }
                values.add(Map.entry(huge, true));
            }
            case "object" -> values.add(Map.entry(NODES.textNode("x"), true));
            default -> { }
        }
        return values;
    }

    /** A body a careless but honest client could send: every property with an ordinary value. */
    private JsonNode plausible(JsonNode schema) {
        schema = resolve(schema);
        String type = schema.path("type").asText();
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausible(p.getValue())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(plausible(schema.path("items")));
            case "integer", "number" -> {
                long value = 1000;
                if (schema.has("maximum")) {
                    value = Math.min(value, schema.path("maximum").asLong());
                }
                if (schema.has("minimum")) {
                    value = Math.max(value, schema.path("minimum").asLong());
                }
                yield NODES.numberNode(value);
            }
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> {
                if (schema.has("enum")) {
                    yield NODES.textNode(schema.path("enum").get(0).asText());
                }
                yield switch (schema.path("format").asText()) {
                    case "date" -> NODES.textNode(LocalDate.now().toString());
                    case "date-time" -> NODES.textNode(Instant.now().toString());
                    case "uuid" -> NODES.textNode(java.util.UUID.randomUUID().toString());
                    default -> NODES.textNode("sweep");
                };
            }
            default -> NODES.objectNode();
        };
    }

    private byte[] plausibleBody(JsonNode op) {
        JsonNode schema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        return schema.isMissingNode() || schema.isEmpty() ? null : plausible(schema).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Input json(String name, String method, String path, String body, boolean invalid) {
        byte[] bytes = body == null ? new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}
                : body.replace(LONE_HIGH, "\\ud800").replace(LONE_LOW, "\\udc00").getBytes(StandardCharsets.UTF_8);
        return new Input(name, method, path, "application/json", bytes, invalid);
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return resolve(openApi.at(ref.substring(1)));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private String fill(String template, Map<String, String> overrides) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : pathValues.getOrDefault(template + "#" + name, pathValues.getOrDefault(name, "unknown"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void set(ObjectNode root, String field, JsonNode value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            root.set(field, value);
        } else if (root.get(field.substring(0, dot)) instanceof ObjectNode inner) {
            set(inner, field.substring(dot + 1), value);
        }
    }

    private static void remove(ObjectNode root, String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            root.remove(field);
        } else if (root.get(field.substring(0, dot)) instanceof ObjectNode inner) {
            remove(inner, field.substring(dot + 1));
        }
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    // ---- sending and checking ------------------------------------------------------------------------------

    private record Answer(int status, String contentType, String body) {}

    private void send(Caller caller, String operation, Input input, List<Finding> findings) {
        Answer answer = exchange(caller, input);
        sent++;
        String why = judge(answer, input);
        if (why != null) {
            findings.add(new Finding(operation, input.name() + " as " + caller.name(), answer.status(), why));
        }
    }

    private static String judge(Answer answer, Input input) {
        if (answer.status() >= 500) {
            return "server error: " + abbreviate(answer.body());
        }
        if (answer.status() == 404 && input.invalid() && input.name().startsWith("query ")) {
            return "a malformed query parameter answered 404, not a 400 naming it";
        }
        if (answer.status() >= 400) {
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                return "4xx without problem+json (" + answer.contentType() + "): " + abbreviate(answer.body());
            }
            if (answer.status() == 400) {
                try {
                    JsonNode problem = JSON.readTree(answer.body());
                    if (problem.path("errors").isEmpty() || problem.path("errors").get(0).path("field").asText().isBlank()) {
                        return "400 naming no field: " + abbreviate(answer.body());
                    }
                } catch (IOException e) {
                    return "problem body is not JSON: " + abbreviate(answer.body());
                }
            }
            return null;
        }
        return input.invalid() ? "invalid input accepted: " + abbreviate(answer.body()) : null;
    }

    /** Raw HTTP/1.1 over a socket: the sweep must send what java.net.URI would refuse to build (%zz, lone bytes). */
    private Answer exchange(Caller caller, Input input) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(input.method()).append(' ').append(input.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Authorization: ").append(caller.bearer()).append("\r\n")
                    .append("Accept: application/json, application/problem+json\r\n")
                    .append("Connection: close\r\n");
            if (input.contentType() != null) {
                head.append("Content-Type: ").append(input.contentType()).append("\r\n");
            }
            byte[] body = input.body() == null ? new byte[0] : input.body();
            if (input.body() != null || !input.method().equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            request.write(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("sweep request failed: " + input.method() + " " + abbreviate(input.path()), e);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = lines.length > 0 && lines[0].split(" ").length > 1 ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            StringBuilder joined = new StringBuilder();
            String rest = body;
            while (true) {
                int lineEnd = rest.indexOf("\r\n");
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(rest.substring(0, lineEnd).trim().split(";")[0], 16);
                if (size == 0) {
                    break;
                }
                // Sizes count bytes; bodies here are ASCII JSON, so characters and bytes agree closely enough.
                int start = lineEnd + 2;
                joined.append(rest, start, Math.min(rest.length(), start + size));
                rest = rest.substring(Math.min(rest.length(), start + size + 2));
            }
            body = joined.toString();
        }
        return new Answer(status, contentType, body);
    }

    private JsonNode fetchOpenApi() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
