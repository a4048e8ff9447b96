package dev.jobsuccess.commons.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each distinct bearer token once. Checking an RS256 signature is an RSA public-key operation, and profiling
 * GET /freelancers/{id}/score showed it took about half the CPU of a request; a client sends the same token with every
 * request until it expires. A token verified once is remembered, keyed by its exact text (the signature is part of
 * it), until its {@code exp}; an expired token is verified again, and so refused. Only successful verifications are
 * remembered, and at most {@code jobsuccess.security.verified-token-cache-size} of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private record Verified(JsonWebToken token, long expiresAtSeconds) {}

    private final DefaultJWTParser delegate;
    private final int capacity;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    CachingJwtParser(DefaultJWTParser delegate,
                     @ConfigProperty(name = "jobsuccess.security.verified-token-cache-size", defaultValue = "10000") int capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified hit = verified.get(token);
        if (hit != null && now < hit.expiresAtSeconds()) {
            return hit.token();
        }
        JsonWebToken jwt = delegate.parse(token);
        if (capacity > 0 && jwt.getExpirationTime() > now) {
            if (verified.size() >= capacity) {
                // Simple and bounded: start afresh rather than track recency; tokens in use are verified again once.
                verified.clear();
            }
            verified.put(token, new Verified(jwt, jwt.getExpirationTime()));
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
