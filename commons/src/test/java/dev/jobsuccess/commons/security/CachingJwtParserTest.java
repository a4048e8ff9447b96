package dev.jobsuccess.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class CachingJwtParserTest {

    /** Verifies "good-<exp>" tokens (expiring at the epoch second given) and refuses the rest, counting its calls. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            return new Token(Long.parseLong(token.substring(5)));
        }
    }

    record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "u";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aValidTokenIsVerifiedOnceUntilItExpires() throws ParseException {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, 100);
        String token = "good-" + (now() + 3600);
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        assertEquals(1, verifier.calls.get());
    }

    @Test
    void anExpiredTokenIsNeverServedFromMemory() throws ParseException {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, 100);
        String expired = "good-" + (now() - 1);
        parser.parse(expired);
        parser.parse(expired);
        assertEquals(2, verifier.calls.get(), "verified again each time: the verifier decides, with its clock skew");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNotRemembered() {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, 100);
        assertThrows(ParseException.class, () -> parser.parse("forged"));
        assertThrows(ParseException.class, () -> parser.parse("forged"));
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void memoryIsBounded() throws ParseException {
        CountingVerifier verifier = new CountingVerifier();
        CachingJwtParser parser = new CachingJwtParser(verifier, 2);
        long exp = now() + 3600;
        for (int i = 0; i < 3; i++) {
            parser.parse("good-" + (exp + i));
        }
        parser.parse("good-" + exp);
        assertEquals(4, verifier.calls.get(), "the first token was forgotten when the third did not fit");
    }
}
