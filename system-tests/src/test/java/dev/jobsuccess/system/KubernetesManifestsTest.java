package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/kubernetes (a Kustomize base and its example overlay) cannot be applied here: no cluster, no kubectl. So this
 * renders both with {@link Kustomize} (the subset of Kustomize they use), validates every rendered object against the
 * Kubernetes OpenAPI schemas with deploy/tools/validate.mjs (node and npm's kubernetes-models, pinned in
 * deploy/tools/package-lock.json; {@code npm ci} installs them when deploy/tools/node_modules is absent), and checks
 * that each service gets every variable its configuration reads, and the replicas, probes, resources and budgets
 * README's "Deploying to Kubernetes" promises. Without node the test fails: it never skips.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final Path TOOLS = ROOT.resolve("deploy/tools");
    private static final Map<String, Integer> PORTS = Map.of("contract-service", 8081, "feedback-service", 8082, "score-service", 8083);

    /**
     * Variables a service reads that the manifests deliberately leave at the default of its application.properties
     * (the value here, checked); everything else it reads must be set.
     */
    private static final Map<String, String> OPTIONAL = Map.of(
            // For a second copy of the system on one broker; set in production it moves the consumer group and its offsets.
            "KAFKA_GROUP_SUFFIX", "",
            // Tests switch the relay off; off in production, no event would leave the outbox.
            "OUTBOX_RELAY_ENABLED", "true",
            // How long after start contract-service's first timer run waits; tests shorten it.
            "CONTRACT_TIMER_DELAY", "5s");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Map<String, Object>> base;
    private static List<Map<String, Object>> overlay;

    @BeforeAll
    static void render() throws IOException {
        base = Kustomize.render(KUBERNETES.resolve("base"));
        overlay = Kustomize.render(KUBERNETES.resolve("overlays/example"));
    }

    @Test
    void everyRenderedObjectValidatesAgainstTheKubernetesSchemas() throws Exception {
        List<Map<String, Object>> input = new ArrayList<>();
        base.forEach(o -> input.add(Map.of("source", "base", "object", o)));
        overlay.forEach(o -> input.add(Map.of("source", "overlays/example", "object", o)));
        JsonNode results = validate(input).get("results");
        assertEquals(input.size(), results.size());
        List<String> invalid = new ArrayList<>();
        for (JsonNode r : results) {
            if (!r.get("errors").isEmpty()) {
                invalid.add(r.get("source").asText() + " " + r.get("id").asText() + ": " + r.get("errors"));
            }
        }
        assertTrue(invalid.isEmpty(), "objects the Kubernetes schemas refuse:\n" + String.join("\n", invalid));
    }

    @Test
    void theValidatorRefusesABrokenDeployment() throws Exception {
        Map<String, Object> deployment = copy(find(overlay, "Deployment", "score-service"));
        map(deployment.get("spec")).put("replicas", "two");
        map(deployment.get("spec")).put("replica", 2);
        map(container(deployment)).remove("image");
        JsonNode errors = validate(List.of(Map.of("source", "mutated", "object", deployment))).get("results").get(0).get("errors");
        String all = errors.toString();
        assertTrue(all.contains("/spec/replicas: must be integer") && all.contains("unknown field \\\"replica\\\"")
                && all.contains("/containers/0/image: required"), all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract-service", "feedback-service", "score-service"})
    void everyVariableTheServiceReadsIsSetOrDeliberatelyLeftToItsDefault(String service) throws IOException {
        String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> read = new TreeSet<>();
        for (String line : properties.lines().toList()) {
            if (line.startsWith("#") || line.startsWith("%test.") || line.startsWith("%dev.")) {
                continue;
            }
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(line);
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        Map<String, Object> provided = environment(overlay, service);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(provided.keySet());
        missing.removeAll(OPTIONAL.keySet());
        assertTrue(missing.isEmpty(), service + " reads " + missing + ", which its Deployment does not set");
        for (String optional : OPTIONAL.keySet()) {
            assertFalse(provided.containsKey(optional), optional + " is left to its default, yet set for " + service);
        }
        for (String optional : OPTIONAL.keySet()) {
            assertTrue(!read.contains(optional) || properties.contains("${" + optional + ":" + OPTIONAL.get(optional) + "}"),
                    optional + " defaults to '" + OPTIONAL.get(optional) + "' in " + service + "'s configuration");
        }

        Set<String> unread = new TreeSet<>(provided.keySet());
        unread.removeAll(read);
        assertTrue(unread.isEmpty(), service + "'s Deployment sets " + unread + ", which it does not read");
        for (String javaOptions : List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            assertFalse(provided.containsKey(javaOptions), "the image carries the JVM options, not the manifests");
        }

        assertEquals("SASL_SSL", provided.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", provided.get("KAFKA_SASL_MECHANISM"));
        assertEquals(service, provided.get("KAFKA_SASL_USERNAME"), "the principal infra/kafka/acls.txt grants");
        assertEquals("true", provided.get("LOG_JSON"));
        assertEquals("false", provided.get("JOBSUCCESS_DEMO"));
        assertEquals("false", provided.get("CLOCK_ADJUSTABLE"));
        assertEquals(Set.of("DB_PASSWORD", "KAFKA_SASL_PASSWORD"),
                map(find(overlay, "Secret", service + "-secrets").get("data")).keySet(), "the example overlay's Secret");
        for (String secret : List.of("DB_PASSWORD", "KAFKA_SASL_PASSWORD")) {
            assertEquals("secret " + service + "-secrets", provided.get(secret), secret + " comes from the Secret");
        }
        assertFalse(map(find(base, "ConfigMap", service + "-config").get("data")).containsKey("DB_PASSWORD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract-service", "feedback-service", "score-service"})
    @SuppressWarnings("unchecked")
    void theDeploymentRunsTwoHardenedReplicasWithProbesResourcesAndAGracefulShutdown(String service) {
        for (List<Map<String, Object>> rendered : List.of(base, overlay)) {
            Map<String, Object> deployment = find(rendered, "Deployment", service);
            Map<String, Object> spec = map(deployment.get("spec"));
            assertEquals(2, spec.get("replicas"));
            Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
            Map<String, Object> container = container(deployment);
            assertEquals(1, ((List<Object>) pod.get("containers")).size());

            Map<String, Object> config = map(find(rendered, "ConfigMap", service + "-config").get("data"));
            int port = Integer.parseInt((String) config.get("HTTP_PORT"));
            assertEquals(PORTS.get(service), port);
            assertEquals(List.of(Map.of("name", "http", "containerPort", port, "protocol", "TCP")), container.get("ports"));
            assertEquals("/q/health/started", probe(container, "startupProbe"));
            assertEquals("/q/health/ready", probe(container, "readinessProbe"));
            assertEquals("/q/health/live", probe(container, "livenessProbe"));

            Map<String, Object> resources = map(container.get("resources"));
            assertEquals(Set.of("cpu", "memory"), map(resources.get("requests")).keySet());
            assertEquals(Set.of("memory"), map(resources.get("limits")).keySet(), "a memory limit, no CPU limit");

            List<Object> sleep = (List<Object>) map(map(map(container.get("lifecycle")).get("preStop")).get("exec")).get("command");
            assertEquals("sleep", sleep.getFirst());
            long preStop = Long.parseLong((String) sleep.get(1));
            long shutdown = seconds((String) config.get("SHUTDOWN_TIMEOUT"));
            long delay = seconds((String) config.get("SHUTDOWN_DELAY"));
            assertTrue(preStop > 0 && preStop <= 10, "a short preStop sleep");
            assertTrue(delay > 0, "readiness drops (SHUTDOWN_DELAY) before the pod stops taking requests");
            assertTrue((Integer) pod.get("terminationGracePeriodSeconds") > preStop + delay + shutdown,
                    "the grace period outlasts preStop, SHUTDOWN_DELAY (" + delay + " s) and SHUTDOWN_TIMEOUT (" + shutdown + " s)");

            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertEquals(true, podSecurity.get("runAsNonRoot"));
            assertEquals(1001, podSecurity.get("runAsUser"), "the Dockerfile's USER");
            assertEquals(Map.of("type", "RuntimeDefault"), podSecurity.get("seccompProfile"));
            assertEquals(Map.of("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                    "capabilities", Map.of("drop", List.of("ALL"))), container.get("securityContext"));
            assertEquals(Map.of("name", "tmp", "mountPath", "/tmp"), ((List<Object>) container.get("volumeMounts")).getFirst());
            assertTrue(((List<Object>) pod.get("volumes")).contains(Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "64Mi"))));

            // The JWT public key: a file of the Secret jobsuccess-jwt, read-only, where JWT_PUBLIC_KEY_LOCATION points.
            assertTrue(((List<Object>) container.get("volumeMounts"))
                    .contains(Map.of("name", "jwt", "mountPath", "/etc/jobsuccess/jwt", "readOnly", true)));
            assertTrue(((List<Object>) pod.get("volumes")).contains(Map.of("name", "jwt", "secret", Map.of("secretName", "jobsuccess-jwt",
                    "items", List.of(Map.of("key", "publicKey.pem", "path", "publicKey.pem"))))));
            assertEquals("file:/etc/jobsuccess/jwt/publicKey.pem", config.get("JWT_PUBLIC_KEY_LOCATION"));

            assertEquals(service, pod.get("serviceAccountName"));
            assertEquals(false, find(rendered, "ServiceAccount", service).get("automountServiceAccountToken"));
            assertFalse(container.containsKey("env"), "configuration comes from the ConfigMap and the Secret");
            assertEquals(List.of(Map.of("configMapRef", Map.of("name", service + "-config")),
                    Map.of("secretRef", Map.of("name", service + "-secrets"))), container.get("envFrom"));
        }
        assertEquals("jobsuccess/" + service + ":0.1.0-SNAPSHOT", container(find(base, "Deployment", service)).get("image"));
        assertEquals("jobsuccess/" + service + ":0.1.0", container(find(overlay, "Deployment", service)).get("image"),
                "the overlay sets the tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract-service", "feedback-service", "score-service"})
    void theServiceBudgetAndAutoscalerTargetTheDeployment(String service) {
        for (List<Map<String, Object>> rendered : List.of(base, overlay)) {
            Map<String, Object> deployment = find(rendered, "Deployment", service);
            Map<String, Object> selector = map(map(deployment.get("spec")).get("selector"));
            Map<String, Object> podLabels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
            assertTrue(podLabels.entrySet().containsAll(map(selector.get("matchLabels")).entrySet()), "the Deployment selects its pods");

            Map<String, Object> svc = map(find(rendered, "Service", service).get("spec"));
            assertEquals("ClusterIP", svc.get("type"));
            assertEquals(selector.get("matchLabels"), svc.get("selector"));
            assertEquals(List.of(Map.of("name", "http", "port", PORTS.get(service), "targetPort", "http", "protocol", "TCP")), svc.get("ports"));

            Map<String, Object> pdb = map(find(rendered, "PodDisruptionBudget", service).get("spec"));
            assertEquals(1, pdb.get("minAvailable"));
            assertEquals(selector, pdb.get("selector"), "the budget covers the Deployment's pods");

            Map<String, Object> hpa = map(find(rendered, "HorizontalPodAutoscaler", service).get("spec"));
            assertEquals("autoscaling/v2", find(rendered, "HorizontalPodAutoscaler", service).get("apiVersion"));
            assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service), hpa.get("scaleTargetRef"));
            assertEquals(2, hpa.get("minReplicas"));
            assertEquals(6, hpa.get("maxReplicas"));
            assertTrue((Integer) hpa.get("maxReplicas") <= 12, "more consumers than the topics' 12 partitions do nothing");
            assertEquals(List.of(Map.of("type", "Resource", "resource", Map.of("name", "cpu",
                    "target", Map.of("type", "Utilization", "averageUtilization", 70)))), hpa.get("metrics"));
        }
    }

    @Test
    void theBaseLeavesSecretsToTheUserAndTheOverlaySetsNamespaceAndPlaceholders() {
        assertTrue(base.stream().noneMatch(o -> "Secret".equals(o.get("kind"))), "the base ships no Secret");
        assertTrue(base.stream().noneMatch(o -> "Namespace".equals(o.get("kind"))));
        for (Map<String, Object> o : overlay) {
            if (!"Namespace".equals(o.get("kind"))) {
                assertEquals("jobsuccess", map(o.get("metadata")).get("namespace"), Kustomize.id(o));
            }
        }
        assertEquals(Set.of("publicKey.pem"), map(find(overlay, "Secret", "jobsuccess-jwt").get("data")).keySet());
        for (Map<String, Object> o : overlay) {
            if ("Secret".equals(o.get("kind"))) {
                for (Object value : map(o.get("data")).values()) {
                    String plain = new String(java.util.Base64.getDecoder().decode((String) value), StandardCharsets.UTF_8);
                    assertTrue(plain.startsWith("REPLACE-ME"), Kustomize.id(o) + " holds an obvious placeholder");
                }
            }
        }
        // No PostgreSQL, no Kafka: only the three services' own objects and the namespace.
        Set<String> kinds = new TreeSet<>();
        overlay.forEach(o -> kinds.add((String) o.get("kind")));
        assertEquals(Set.of("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Namespace", "PodDisruptionBudget",
                "Secret", "Service", "ServiceAccount"), kinds);
        assertEquals(1, overlay.stream().filter(o -> "Deployment".equals(o.get("kind")))
                .map(o -> container(o).get("image")).filter(i -> ((String) i).startsWith("jobsuccess/contract-service:")).count());
    }

    @Test
    void theRendererRefusesWhatItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: v\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                commonAnnotations: {a: b}
                """);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir)).getMessage().contains("commonAnnotations"));
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                secretGenerator: [{name: s, literals: [K=v]}]
                """);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir)).getMessage().contains("disableNameSuffixHash"));
        Files.writeString(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  K: w\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [cm.yaml]
                patches: [{path: patch.yaml}]
                """);
        assertEquals("w", map(Kustomize.render(dir).getFirst().get("data")).get("K"), "a patch merges");
    }

    @Test
    void theLockfileNamesNoRegistryAndNodeModulesStayUncommitted() throws IOException {
        String lock = Files.readString(TOOLS.resolve("package-lock.json"));
        assertFalse(lock.contains("\"resolved\"") || lock.contains("://"), "package-lock.json names no host");
        JsonNode dependencies = JSON.readTree(TOOLS.resolve("package.json").toFile()).get("dependencies");
        dependencies.fields().forEachRemaining(d -> assertTrue(d.getValue().asText().matches("\\d+\\.\\d+\\.\\d+"), "pinned: " + d));
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(l -> l.equals("node_modules/")));
    }

    // --- helpers ---

    /** Runs deploy/tools/validate.mjs on the objects, installing its pinned packages first when they are absent. */
    private static JsonNode validate(List<Map<String, Object>> input) throws Exception {
        installValidator();
        Process node = start(List.of("node", "validate.mjs"));
        try (OutputStream stdin = node.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(input));
        }
        byte[] out = node.getInputStream().readAllBytes();
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "validate.mjs finished");
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertTrue(node.exitValue() == 0 || node.exitValue() == 1, "validate.mjs failed (" + node.exitValue() + "): " + stdout);
        return JSON.readTree(stdout);
    }

    private static synchronized void installValidator() throws Exception {
        if (Files.isDirectory(TOOLS.resolve("node_modules/kubernetes-models"))) {
            return;
        }
        Process npm = start(List.of("npm", "ci", "--no-audit", "--no-fund"));
        npm.getOutputStream().close();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm ci in " + TOOLS + " failed:\n" + output);
    }

    private static Process start(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(command.getFirst() + " is not installed: the Kubernetes manifests are validated with node (v20 or newer) and npm"
                    + " (Debian: apt-get install nodejs npm) - " + e.getMessage());
            throw e;
        }
    }

    /** Every variable the service's container gets: its env, and the keys of the ConfigMaps and Secrets of its envFrom. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(List<Map<String, Object>> rendered, String service) {
        Map<String, Object> container = container(find(rendered, "Deployment", service));
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object from : (List<Object>) container.getOrDefault("envFrom", List.of())) {
            Map<String, Object> source = map(from);
            assertFalse(source.containsKey("prefix"), "no envFrom prefix");
            if (source.get("configMapRef") instanceof Map<?, ?> ref) {
                assertNotEquals(true, ref.get("optional"));
                env.putAll(map(find(rendered, "ConfigMap", (String) ref.get("name")).get("data")));
            }
            if (source.get("secretRef") instanceof Map<?, ?> ref) {
                assertNotEquals(true, ref.get("optional"));
                String name = (String) ref.get("name");
                map(find(rendered, "Secret", name).get("data")).keySet().forEach(k -> env.put(k, "secret " + name));
            }
        }
        for (Object e : (List<Object>) container.getOrDefault("env", List.of())) {
            env.put((String) map(e).get("name"), map(e).get("value"));
        }
        return env;
    }

    private static void assertNotEquals(Object unexpected, Object actual) {
        org.junit.jupiter.api.Assertions.assertNotEquals(unexpected, actual, "a required source is not optional");
    }

    private static Map<String, Object> find(List<Map<String, Object>> rendered, String kind, String name) {
        List<Map<String, Object>> found = rendered.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(Kustomize.name(o))).toList();
        assertEquals(1, found.size(), "one " + kind + " " + name);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(((List<Object>) map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).getFirst());
    }

    private static String probe(Map<String, Object> container, String probe) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        assertEquals("http", httpGet.get("port"), probe + " on the service's port");
        return (String) httpGet.get("path");
    }

    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        return m.matches() ? Long.parseLong(m.group(1)) : Duration.parse(duration).toSeconds();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> o) throws IOException {
        return JSON.readValue(JSON.writeValueAsBytes(o), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertNotNull(o);
        return (Map<String, Object>) o;
    }
}
