package dev.jobsuccess.commons.kafka;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;

/**
 * The one place that says how this service reaches Kafka: every {@code kafka.*} property of the configuration, without
 * the prefix (the same properties SmallRye's channels read), e.g. {@code bootstrap.servers}, {@code security.protocol},
 * {@code sasl.mechanism} and {@code sasl.jaas.config}. Every client commons builds starts from these, so each one
 * authenticates as the service's own principal. SASL settings are dropped when the protocol is not SASL (a private
 * PLAINTEXT broker of a test or benchmark), so the client does not warn about them.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private static final String PREFIX = "kafka.";

    private final Map<String, Object> connection;

    @Inject
    KafkaClientSettings(Config config) {
        Map<String, Object> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class).filter(v -> !v.isBlank())
                        .ifPresent(v -> settings.put(name.substring(PREFIX.length()), v));
            }
        }
        this.connection = withoutUnusedSasl(settings);
    }

    /** For code outside CDI (tests, tools): the given client properties, as the service would use them. */
    public KafkaClientSettings(Map<String, ?> settings) {
        this.connection = withoutUnusedSasl(new TreeMap<>(settings));
    }

    private static Map<String, Object> withoutUnusedSasl(Map<String, Object> settings) {
        if (!settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
        String protocol = String.valueOf(settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
        if (!protocol.toUpperCase(java.util.Locale.ROOT).startsWith("SASL")) {
            settings.keySet().removeIf(k -> k.startsWith("sasl."));
        }
        return Collections.unmodifiableMap(settings);
    }

    public String bootstrapServers() {
        return String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** The connection and security settings plus a client's own ({@code specific} wins). A new, mutable map. */
    public Map<String, Object> with(Map<String, ?> specific) {
        Map<String, Object> all = new HashMap<>(connection);
        all.putAll(specific);
        return all;
    }

    /** What this service authenticates as, for logs and health data (never the secret). */
    public String principal() {
        Object jaas = connection.get("sasl.jaas.config");
        if (jaas == null) {
            return "ANONYMOUS";
        }
        var m = java.util.regex.Pattern.compile("username=\"([^\"]*)\"").matcher(jaas.toString());
        return m.find() ? m.group(1) : "?";
    }
}
