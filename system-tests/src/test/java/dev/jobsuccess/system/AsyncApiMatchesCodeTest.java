package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/asyncapi.yaml says what the system does: its channels are the topics bin/infra creates; each service
 * (the tag of an operation) receives its {@code jobsuccess.inbound.topics} and sends what its code writes to the
 * outbox, plus its dead letters; the broker's ACLs grant exactly that; every payload references the schema of its
 * topic, every message the headers commons sets. AsyncApiDocumentTest checks the document against AsyncAPI itself.
 */
class AsyncApiMatchesCodeTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("contract-service", "feedback-service", "score-service");
    private static final String DRAFT_2020_12 = "application/schema+json;version=draft-2020-12";
    private static final Pattern DEAD_LETTER = Pattern.compile("(.+)-dlq-([a-z]+)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bString\\s+TOPIC\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern NEW_OUTGOING_EVENT = Pattern.compile("new\\s+OutgoingEvent\\s*\\(\\s*([^,()]+?)\\s*,");

    private final Map<String, Object> doc = load();

    // ---- the document, read as data

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(ROOT.resolve("docs/asyncapi.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertTrue(o instanceof List, "expected a list, got " + o);
        return (List<Object>) o;
    }

    /** Follows local references ({@code $ref: '#/...'}) until the node is not one. */
    private Object resolve(Object node) {
        while (node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref && ref.startsWith("#/")) {
            Object at = doc;
            for (String part : ref.substring(2).split("/")) {
                at = map(at).get(part.replace("~1", "/").replace("~0", "~"));
                assertNotNull(at, "docs/asyncapi.yaml: " + ref + " does not resolve");
            }
            node = at;
        }
        return node;
    }

    private Map<String, Map<String, Object>> channels() {
        Map<String, Map<String, Object>> byAddress = new TreeMap<>();
        map(doc.get("channels")).forEach((id, channel) -> {
            String address = (String) map(channel).get("address");
            assertNotNull(address, "channel " + id + " has an address");
            assertTrue(byAddress.put(address, map(channel)) == null, "one channel per topic: " + address);
        });
        return byAddress;
    }

    private record Operation(String id, String service, String action, String address) {
    }

    private List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        map(doc.get("operations")).forEach((id, o) -> {
            Map<String, Object> op = map(resolve(o));
            List<String> services = list(op.get("tags")).stream().map(t -> (String) map(resolve(t)).get("name"))
                    .filter(SERVICES::contains).toList();
            assertEquals(1, services.size(), "operation " + id + " is tagged with exactly one service: " + services);
            String address = (String) map(resolve(op.get("channel"))).get("address");
            assertNotNull(address, "operation " + id + " names its channel");
            ops.add(new Operation(id, services.getFirst(), (String) op.get("action"), address));
        });
        return ops;
    }

    private Set<String> addresses(String service, String action) {
        return operations().stream().filter(o -> o.service.equals(service) && o.action.equals(action))
                .map(Operation::address).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the code and the scripts

    private static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> shellWords(String script, String variable) {
        Matcher m = Pattern.compile("(?m)^" + variable + "=\"([^\"]*)\"").matcher(read(script));
        assertTrue(m.find(), script + " sets " + variable);
        return new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s+")));
    }

    private static Properties properties(String service) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(read(service + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    private static Set<String> inboundTopics(String service) {
        String topics = properties(service).getProperty("jobsuccess.inbound.topics", "");
        return Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** commons' DeadLetters: {@code <topic>-dlq-<quarkus.application.name without -service>}. */
    private static Set<String> deadLetterTopics(String service) {
        String suffix = "-dlq-" + properties(service).getProperty("quarkus.application.name").replaceFirst("-service$", "");
        return inboundTopics(service).stream().map(t -> t + suffix).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Path> javaSources(String service) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code String TOPIC = "..."} of a service's main code, by the simple name of its class file. */
    private static Map<String, String> topicConstants(String service) {
        Map<String, String> byClass = new TreeMap<>();
        for (Path file : javaSources(service)) {
            Matcher m = TOPIC_CONSTANT.matcher(read(file));
            if (m.find()) {
                byClass.put(file.getFileName().toString().replaceFirst("\\.java$", ""), m.group(1));
            }
        }
        return byClass;
    }

    /**
     * The topics a service writes to its outbox: the first argument of each {@code new OutgoingEvent(...)} in its
     * main code, a {@code X.TOPIC} constant, this class's {@code TOPIC} or a literal. Anything else fails, so that a
     * new way of naming the topic makes this test be taught it rather than miss it.
     */
    private static Set<String> outboxTopics(String service) {
        Map<String, String> constants = topicConstants(service);
        Set<String> topics = new TreeSet<>();
        for (Path file : javaSources(service)) {
            String className = file.getFileName().toString().replaceFirst("\\.java$", "");
            Matcher m = NEW_OUTGOING_EVENT.matcher(read(file));
            while (m.find()) {
                String arg = m.group(1);
                String topic;
                if (arg.matches("\"[^\"]+\"")) {
                    topic = arg.substring(1, arg.length() - 1);
                } else if (arg.equals("TOPIC")) {
                    topic = constants.get(className);
                } else if (arg.matches("(\\w+\\.)*\\w+\\.TOPIC")) {
                    String[] parts = arg.split("\\.");
                    topic = constants.get(parts[parts.length - 2]);
                } else {
                    topic = null;
                }
                if (topic == null) {
                    fail(ROOT.relativize(file) + ": cannot tell the topic of new OutgoingEvent(" + arg
                            + ", ...); use a TOPIC constant or teach AsyncApiMatchesCodeTest");
                }
                topics.add(topic);
            }
        }
        return topics;
    }

    /** The header names a commons class sets with {@code headers().add("name", ...)}. */
    private static Set<String> headersSetBy(String commonsClass) {
        Matcher m = Pattern.compile("headers\\(\\)\\.add\\(\"([^\"]+)\"").matcher(read("commons/src/main/java/dev/jobsuccess/commons/" + commonsClass));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertFalse(names.isEmpty(), commonsClass + " sets headers");
        return names;
    }

    /** infra/kafka/acls.txt: the literal topics a principal may WRITE or READ. */
    private static Set<String> aclTopics(String principal, String operation) {
        Set<String> topics = new TreeSet<>();
        for (String line : read("infra/kafka/acls.txt").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && !f[0].startsWith("#") && f[0].equals(principal) && f[1].equals(operation)
                    && f[2].equals("topic")) {
                assertEquals("literal", f[3], "acls.txt grants " + principal + " topics by literal names only: " + line);
                topics.add(f[4]);
            }
        }
        return topics;
    }

    /** Equal sets, or a message that names what only one side has. */
    private static void assertSameTopics(String what, String source, Set<String> expected, Set<String> documented) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), what + " in docs/asyncapi.yaml against " + source
                + ": missing in the document " + missing + ", only in the document " + extra);
    }

    // ---- the checks

    @Test
    void theChannelsAreExactlyTheTopicsAndDeadLetterTopicsBinInfraCreates() {
        Set<String> created = new TreeSet<>(shellWords("bin/infra", "TOPICS"));
        created.addAll(shellWords("bin/infra", "DEAD_LETTER_TOPICS"));
        assertSameTopics("the channels", "bin/infra's TOPICS + DEAD_LETTER_TOPICS", created, channels().keySet());

        Matcher partitions = Pattern.compile("KAFKA_PARTITIONS=\\$\\{KAFKA_PARTITIONS:-(\\d+)}").matcher(read("bin/infra"));
        assertTrue(partitions.find());
        channels().forEach((address, channel) -> {
            Map<String, Object> kafka = map(map(channel.get("bindings")).get("kafka"));
            assertEquals(address, kafka.get("topic"), "the Kafka binding of " + address + " names its topic");
            assertEquals(Integer.parseInt(partitions.group(1)), kafka.get("partitions"), address + " has bin/infra's partition count");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract-service", "feedback-service", "score-service"})
    void eachServiceReceivesItsInboundTopicsAndSendsWhatItsCodeWritesToTheOutbox(String service) {
        Set<String> deadLetters = deadLetterTopics(service);

        Set<String> receives = new TreeSet<>(inboundTopics(service));
        receives.addAll(deadLetters);
        assertSameTopics(service + "'s receive operations", "its jobsuccess.inbound.topics and their dead-letter topics",
                receives, addresses(service, "receive"));

        Set<String> produced = outboxTopics(service);
        assertFalse(produced.isEmpty(), service + " publishes through its outbox");
        Set<String> sends = new TreeSet<>(produced);
        sends.addAll(deadLetters);
        assertSameTopics(service + "'s send operations", "the topics of its new OutgoingEvent(...) and its dead-letter topics",
                sends, addresses(service, "send"));

        Set<String> own = new TreeSet<>(sends);
        own.addAll(receives);
        topicConstants(service).forEach((className, topic) -> assertTrue(own.contains(topic),
                service + "'s " + className + ".TOPIC = \"" + topic + "\" is not a channel " + service + " sends or receives in docs/asyncapi.yaml"));
    }

    @Test
    void servicesReachKafkaOnlyThroughTheOutboxAndTheInboundConsumer() {
        Pattern direct = Pattern.compile("\\bProducerRecord\\b|\\bKafkaProducer\\b|@Outgoing\\b|@Channel\\b|\\bEmitter<");
        for (String service : SERVICES) {
            for (Path file : javaSources(service)) {
                assertFalse(direct.matcher(read(file)).find(), ROOT.relativize(file)
                        + " publishes to Kafka by itself: docs/asyncapi.yaml and AsyncApiMatchesCodeTest only know the outbox");
            }
            assertFalse(read(service + "/src/main/resources/application.properties").contains("mp.messaging."),
                    service + " configures reactive messaging channels AsyncApiMatchesCodeTest does not know");
        }
    }

    @Test
    void everyChannelHasOneSenderAndADeadLetterTopicBelongsToItsConsumer() {
        List<Operation> ops = operations();
        for (Operation op : ops) {
            assertTrue(op.action.equals("send") || op.action.equals("receive"), op.id + ": " + op.action);
        }
        channels().keySet().forEach(address -> {
            List<String> senders = ops.stream().filter(o -> o.address.equals(address) && o.action.equals("send"))
                    .map(Operation::service).toList();
            assertEquals(1, senders.size(), address + " has exactly one sending service: " + senders);
            Matcher dl = DEAD_LETTER.matcher(address);
            if (dl.matches()) {
                String consumer = dl.group(2) + "-service";
                assertTrue(channels().containsKey(dl.group(1)), address + " is the dead-letter topic of a channel");
                assertEquals(List.of(consumer), senders, address + " is written by " + consumer);
                assertEquals(List.of(consumer), ops.stream().filter(o -> o.address.equals(address) && o.action.equals("receive"))
                        .map(Operation::service).toList(), address + " is read by " + consumer + " only");
                assertTrue(ops.stream().anyMatch(o -> o.address.equals(dl.group(1)) && o.action.equals("receive")
                        && o.service.equals(consumer)), consumer + " receives " + dl.group(1));
            }
        });
    }

    @Test
    void everyMessageHasTheKeyHeadersAndSchemaOfItsTopic() throws IOException {
        Set<String> relayHeaders = headersSetBy("outbox/OutboxRelay.java");
        Set<String> deadLetterHeaders = headersSetBy("inbound/DeadLetters.java");
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Map<String, Object>> entry : channels().entrySet()) {
            String address = entry.getKey();
            Matcher dl = DEAD_LETTER.matcher(address);
            boolean deadLetter = dl.matches();
            String topic = deadLetter ? dl.group(1) : address;
            Map<String, Object> messages = map(entry.getValue().get("messages"));
            assertEquals(1, messages.size(), address + " carries one message");
            for (Object m : messages.values()) {
                Map<String, Object> message = map(resolve(m));
                String where = address + "'s message " + message.get("name");

                Map<String, Object> payload = map(message.get("payload"));
                assertEquals(DRAFT_2020_12, payload.get("schemaFormat"), where);
                assertEquals(Map.of("$ref", "events/" + topic + ".schema.json"), payload.get("schema"),
                        where + ": the payload references the schema of " + topic + ", not a copy");
                Path schemaFile = ROOT.resolve("docs/events/" + topic + ".schema.json");
                assertTrue(Files.isRegularFile(schemaFile), schemaFile + " exists");
                JsonNode schema = json.readTree(schemaFile.toFile());
                assertEquals(topic, schema.path("title").asText(), schemaFile + " is the schema of " + topic);
                String eventType = schema.path("properties").path("eventType").path("const").asText();
                assertEquals(deadLetter ? eventType + ".dead-letter" : eventType, message.get("name"), where + " is named after its eventType");

                Map<String, Object> key = map(resolve(map(map(message.get("bindings")).get("kafka")).get("key")));
                assertEquals("string", key.get("type"), where + ": the key is a string");
                assertEquals("freelancerId", key.get("title"), where + ": the key is the freelancerId");

                Map<String, Object> headers = map(resolve(message.get("headers")));
                Set<String> expected = deadLetter ? deadLetterHeaders : relayHeaders;
                assertEquals(expected, map(headers.get("properties")).keySet(), where + ": the headers commons sets");
                assertEquals(expected, new TreeSet<>(list(headers.get("required")).stream().map(String.class::cast).toList()),
                        where + ": every one of them is always set");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"contract-service", "feedback-service", "score-service"})
    void theBrokerAclsGrantEachServiceExactlyWhatTheDocumentSaysItDoes(String service) {
        assertSameTopics(service + "'s send operations", "its WRITE ACLs in infra/kafka/acls.txt", aclTopics(service, "WRITE"),
                addresses(service, "send"));
        assertSameTopics(service + "'s receive operations", "its READ ACLs in infra/kafka/acls.txt", aclTopics(service, "READ"),
                addresses(service, "receive"));
    }

    @Test
    void onlyScoreServiceReadsThePrivateFeedbackAndTheDocumentSaysSo() {
        Set<String> tagged = new TreeSet<>();
        channels().forEach((address, channel) -> {
            Object tags = channel.get("tags");
            if (tags != null && list(tags).stream().anyMatch(t -> "private-data".equals(map(resolve(t)).get("name")))) {
                tagged.add(address);
            }
        });
        assertEquals(Set.of("feedback-submitted", "feedback-submitted-dlq-score"), tagged, "the channels tagged private-data");
        for (String address : tagged) {
            assertEquals(List.of("score-service"), operations().stream()
                    .filter(o -> o.address.equals(address) && o.action.equals("receive")).map(Operation::service).toList(),
                    address + " is read by score-service only");
        }
    }
}
