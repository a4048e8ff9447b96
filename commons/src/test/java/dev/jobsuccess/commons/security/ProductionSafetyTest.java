package dev.jobsuccess.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSafetyTest {

    private static String devKey() throws IOException {
        try (InputStream in = ProductionSafetyTest.class.getResourceAsStream("/dev-jwt/publicKey.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theCommittedDevKeyIsKnownWhateverItsLineBreaks() throws IOException {
        String key = devKey();
        assertEquals(ProductionSafety.DEV_KEY_SHA256, ProductionSafety.fingerprint(key));
        assertEquals(ProductionSafety.DEV_KEY_SHA256, ProductionSafety.fingerprint(key.replace("\n", "\r\n  ")));
    }

    @Test
    void eachUnsafeSettingIsNamedAndSafeOnesPass() throws IOException {
        Optional<String> issuer = Optional.of("https://id.example/");
        Optional<String> audience = Optional.of("jobsuccess");
        assertEquals(List.of(), ProductionSafety.unsafe("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", false,
                issuer, audience));
        List<String> all = ProductionSafety.unsafe(devKey(), true, Optional.of(ProductionSafety.UNSET), Optional.empty());
        assertEquals(4, all.size(), all.toString());
        assertTrue(all.get(0).startsWith("JWT_PUBLIC_KEY_LOCATION is the dev key"));
        assertTrue(all.get(1).startsWith("CLOCK_ADJUSTABLE=true"));
        assertTrue(all.get(2).startsWith("JWT_ISSUER is not set"));
        assertTrue(all.get(3).startsWith("JWT_AUDIENCE is not set"));
    }
}
