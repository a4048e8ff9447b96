package dev.jobsuccess.commons.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Signs tokens with the repository's dev/test key, as bin/token does, for the services' tests. */
public final class TestTokens {

    public static final String ISSUER = "jobsuccess-dev";
    public static final String AUDIENCE = "jobsuccess";
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String token(String userId, String... groups) {
        return token(userId, Duration.ofHours(1), groups);
    }

    /** A token that expires after {@code lifetime}. */
    public static String token(String userId, Duration lifetime, String... groups) {
        return forAudience(AUDIENCE, userId, lifetime, groups);
    }

    /** A token meant for {@code audience}: for another audience than {@link #AUDIENCE}, one the services must refuse. */
    public static String forAudience(String audience, String userId, Duration lifetime, String... groups) {
        return Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(userId)
                .groups(Set.of(groups))
                .expiresIn(lifetime)
                .sign(KEY);
    }

    /** "Bearer ..." for an Authorization header. */
    public static String bearer(String userId, String... groups) {
        return "Bearer " + token(userId, groups);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/dev-jwt/privateKey.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-jwt/privateKey.pem is not on the test classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
