package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it truthful: the same ports,
 * environment variable names and Kafka version as the scripts and the services' configuration.
 * It also checks the Kubernetes manifests that quarkus-kubernetes generated at package time.
 */
class DeploymentArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @ParameterizedTest
    @CsvSource({"contract-service,8081,contract", "feedback-service,8082,feedback", "score-service,8083,score"})
    void composeRunsEachServiceOnItsPortWithVariablesItsConfigurationReads(String service, int port, String database) throws IOException {
        Map<String, Object> svc = map(map(compose().get("services")).get(service));
        assertNotNull(svc, service + " is in docker-compose.yml");
        assertEquals(List.of(port + ":" + port), svc.get("ports"));
        Map<String, Object> env = map(svc.get("environment"));
        assertEquals(Integer.toString(port), env.get("HTTP_PORT"));
        assertEquals("jdbc:postgresql://postgres:5432/" + database, env.get("DB_URL"));
        assertEquals(service, env.get("KAFKA_SASL_USERNAME"), "compose runs " + service + " as its own Kafka principal");
        assertEquals("${" + ServiceProcess.passwordVariable(service) + ":?set the Kafka credentials}", env.get("KAFKA_SASL_PASSWORD"),
                "its password comes from the environment, never from the file");

        String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        List<String> unknown = new ArrayList<>();
        for (String name : env.keySet()) {
            if (!Pattern.compile("\\$\\{" + Pattern.quote(name) + "[:}]").matcher(properties).find()) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), service + " does not read " + unknown + " from its configuration");

        String lib = Files.readString(ROOT.resolve("bin/lib.sh"));
        assertTrue(lib.contains(service + ") echo " + port), "bin/up starts " + service + " on " + port + " too");
        String initSql = Files.readString(ROOT.resolve("infra/postgres/init-databases.sql"));
        assertTrue(initSql.contains("CREATE DATABASE " + database + " "), "compose creates the " + database + " database");
        assertTrue(Pattern.compile("DATABASES=\"[^\"]*\\b" + database + "\\b").matcher(Files.readString(ROOT.resolve("bin/infra"))).find(),
                "bin/infra creates " + database + " too");
    }

    @Test
    void composeRunsTheSameKafkaVersionAsBinInfra() throws IOException {
        Matcher m = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Files.readString(ROOT.resolve("infra/kafka/pom.xml")));
        assertTrue(m.find());
        Map<String, Object> kafka = map(map(compose().get("services")).get("kafka"));
        assertEquals("apache/kafka:" + m.group(1), kafka.get("image"));
        assertEquals(List.of("9092:9092"), kafka.get("ports"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeCreatesTheSameTopicsWithTheSamePartitionCountAsBinInfra() throws IOException {
        String infra = Files.readString(ROOT.resolve("bin/infra"));
        Matcher topics = Pattern.compile("\nTOPICS=\"([^\"]+)\"").matcher(infra);
        Matcher deadLetterTopics = Pattern.compile("\nDEAD_LETTER_TOPICS=\"([^\"]+)\"").matcher(infra);
        Matcher partitions = Pattern.compile("KAFKA_PARTITIONS=\\$\\{KAFKA_PARTITIONS:-(\\d+)}").matcher(infra);
        assertTrue(topics.find() && deadLetterTopics.find() && partitions.find(), "bin/infra names its topics and partition count");
        Map<String, Object> services = map(compose().get("services"));
        String command = String.join(" ", (List<String>) map(services.get("kafka-init")).get("command"));
        List<String> words = List.of(command.split("\\s+"));
        for (String topic : (topics.group(1) + " " + deadLetterTopics.group(1)).trim().split("\\s+")) {
            assertTrue(words.contains(topic), "compose creates " + topic);
        }
        String defaultCount = "${KAFKA_PARTITIONS:-" + partitions.group(1) + "}";
        assertTrue(command.contains("--partitions " + defaultCount), command);
        assertEquals(defaultCount, String.valueOf(map(map(services.get("kafka")).get("environment")).get("KAFKA_NUM_PARTITIONS")));
    }

    @ParameterizedTest
    @CsvSource({"contract-service,8081", "feedback-service,8082", "score-service,8083"})
    @SuppressWarnings("unchecked")
    void kubernetesManifestsProbeHealthAndReadConfigFromConfigMapAndSecret(String service, int port) throws IOException {
        Path manifest = ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertTrue(Files.exists(manifest), manifest + " is generated when the service is packaged");
        Map<String, Object> deployment = null;
        for (Object doc : new Yaml().loadAll(Files.readString(manifest))) {
            if (doc instanceof Map<?, ?> m && "Deployment".equals(m.get("kind"))) {
                deployment = (Map<String, Object>) m;
            }
        }
        assertNotNull(deployment, "a Deployment for " + service);
        Map<String, Object> container = map(((List<Object>) map(map(map(deployment.get("spec")).get("template")).get("spec"))
                .get("containers")).getFirst());
        assertEquals("/q/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
        assertEquals("/q/health/live", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
        assertEquals(port, map(((List<Object>) container.get("ports")).getFirst()).get("containerPort"));
        List<Object> envFrom = (List<Object>) container.get("envFrom");
        assertTrue(envFrom.contains(Map.of("configMapRef", Map.of("name", service + "-config"))), "config from a ConfigMap");
        assertTrue(envFrom.contains(Map.of("secretRef", Map.of("name", service + "-secrets"))), "secrets from a Secret");
    }
}
