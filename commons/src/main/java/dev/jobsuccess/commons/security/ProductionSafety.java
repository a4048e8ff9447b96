package dev.jobsuccess.commons.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production service on settings made for a laptop: the signing key committed to this repository
 * (anyone can sign any token with its private half), a clock that PLATFORM may move, or no token issuer. A demo
 * (bin/up, docker-compose) says so with {@code jobsuccess.demo=true} ({@code JOBSUCCESS_DEMO}), and is warned at start.
 * Dev and test runs are not production and are not checked.
 */
@ApplicationScoped
public class ProductionSafety {

    private static final Logger LOG = Logger.getLogger(ProductionSafety.class);

    /** SHA-256 of the base64 body of config/dev-jwt/publicKey.pem, the committed dev key. */
    static final String DEV_KEY_SHA256 = "1577f2ca798ee76872b3e822f13bbd9e8e3d2049053c78213844b61dee68a3fb";

    /** What the services' configuration says for an issuer nobody gave: smallrye-jwt refuses an empty one. */
    static final String UNSET = "unset";

    private final boolean demo;
    private final Optional<String> publicKeyLocation;
    private final Optional<String> publicKey;
    private final boolean clockAdjustable;
    private final Optional<String> issuer;
    private final Optional<String> audiences;

    ProductionSafety(@ConfigProperty(name = "jobsuccess.demo", defaultValue = "false") boolean demo,
                     @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
                     @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
                     @ConfigProperty(name = "jobsuccess.clock.adjustable", defaultValue = "false") boolean clockAdjustable,
                     @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                     @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences) {
        this.demo = demo;
        this.publicKeyLocation = publicKeyLocation;
        this.publicKey = publicKey;
        this.clockAdjustable = clockAdjustable;
        this.issuer = issuer;
        this.audiences = audiences;
    }

    void check(@Observes StartupEvent start) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        String key = publicKey.orElseGet(() -> publicKeyLocation.map(ProductionSafety::read).orElse(null));
        List<String> unsafe = unsafe(key, clockAdjustable, issuer, audiences);
        if (unsafe.isEmpty()) {
            return;
        }
        if (demo) {
            LOG.warnf("DEMO MODE (JOBSUCCESS_DEMO=true): not for production: %s", String.join("; ", unsafe));
            return;
        }
        throw new IllegalStateException("refusing to start in production with unsafe settings: " + String.join("; ", unsafe)
                + ". For a demo on your own machine, set JOBSUCCESS_DEMO=true.");
    }

    /** What makes these settings unsafe for production; empty when nothing does. */
    static List<String> unsafe(String publicKeyText, boolean clockAdjustable, Optional<String> issuer,
                               Optional<String> audiences) {
        List<String> unsafe = new ArrayList<>();
        if (publicKeyText != null && DEV_KEY_SHA256.equals(fingerprint(publicKeyText))) {
            unsafe.add("JWT_PUBLIC_KEY_LOCATION is the dev key committed to the repository, whose private half anyone can"
                    + " read: give the public key of your identity provider");
        }
        if (clockAdjustable) {
            unsafe.add("CLOCK_ADJUSTABLE=true lets PLATFORM move the service clock, and with it every deadline");
        }
        if (issuer.filter(s -> !s.isBlank() && !UNSET.equals(s)).isEmpty()) {
            unsafe.add("JWT_ISSUER is not set: tokens of any issuer signed with the key would be accepted");
        }
        if (audiences.filter(s -> !s.isBlank()).isEmpty()) {
            unsafe.add("JWT_AUDIENCE is not set: tokens meant for other services would be accepted");
        }
        return unsafe;
    }

    /** SHA-256 of a PEM key's base64 body, whitespace and armour lines left out. */
    static String fingerprint(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(location.substring("file:".length())));
            }
            if (location.contains("://")) {
                return null; // a URL (e.g. a JWKS endpoint) is the identity provider's, never the committed file
            }
            String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path.replaceFirst("^/", ""))) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            return null; // smallrye-jwt reports an unreadable key itself
        }
    }
}
