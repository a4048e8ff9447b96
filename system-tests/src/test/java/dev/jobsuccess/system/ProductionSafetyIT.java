package dev.jobsuccess.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.jobsuccess.commons.testing.KafkaTopics;

/**
 * A packaged service started as production (no JOBSUCCESS_DEMO) refuses settings made for a laptop, with a message that
 * says which and what to do, instead of serving tokens anyone can sign.
 */
class ProductionSafetyIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:5432/contract_systest");
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTopics.BOOTSTRAP);
        env.put("KAFKA_GROUP_SUFFIX", "-systest");
        env.put("OUTBOX_RELAY_ENABLED", "false");
        env.put("JOBSUCCESS_DEMO", "false");
        return env;
    }

    private static String refusal(Map<String, String> env, int port) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(ROOT, "contract-service", port, env)) {
            OptionalInt exit = service.awaitExit(Duration.ofSeconds(90));
            assertTrue(exit.isPresent(), "the service started although its settings are unsafe; see " + service.log());
            assertNotEquals(0, exit.getAsInt());
            String log = service.log();
            assertTrue(log.contains("refusing to start in production with unsafe settings"), log);
            assertTrue(log.contains("JOBSUCCESS_DEMO=true"), "the message says how to run a demo: " + log);
            return log;
        }
    }

    @Test
    void theCommittedDevKeyIsRefused() throws Exception {
        String log = refusal(production(), 18097);
        assertTrue(log.contains("JWT_PUBLIC_KEY_LOCATION is the dev key committed to the repository"), log);
    }

    @Test
    void anAdjustableClockAndAMissingIssuerAndAudienceAreRefusedWhateverTheKey() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Path pem = Files.createDirectories(ROOT.resolve("system-tests/target")).resolve("production-safety-key.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> env = production();
        env.put("JWT_PUBLIC_KEY_LOCATION", "file:" + pem);
        env.put("JWT_ISSUER", null);
        env.put("JWT_AUDIENCE", null);
        env.put("CLOCK_ADJUSTABLE", "true");
        String log = refusal(env, 18098);
        assertTrue(log.contains("CLOCK_ADJUSTABLE=true"), log);
        assertTrue(log.contains("JWT_ISSUER is not set"), log);
        assertTrue(log.contains("JWT_AUDIENCE is not set"), log);
        assertTrue(!log.contains("dev key committed"), log);
    }
}
