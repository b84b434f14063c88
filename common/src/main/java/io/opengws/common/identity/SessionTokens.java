package io.opengws.common.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the {@code JSESSIONID} value every service accepts: the session's fields, then an
 * HMAC-SHA256 over them with the key all services share. No service has to ask another whether a session
 * exists; ending one is announced on {@code gws.sessions} (see {@link SessionRevocations}).
 */
public final class SessionTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    /**
     * A keyed Mac per thread: every answer to a request signs a cookie, and looking up the algorithm and setting the
     * key each time cost more than the signature. A Mac is not thread-safe; after doFinal it is ready for the next.
     */
    private final ThreadLocal<Mac> macs;

    public SessionTokens(String signingKey) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String issue(SessionToken token) {
        String payload = String.join("|", token.userId(), token.contactCenterId(), token.sessionId(),
                Long.toString(token.issuedAt().toEpochMilli()), Long.toString(token.expiresAt().toEpochMilli()));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(sign(encoded));
    }

    /** The token's fields if its signature is right and it has not expired at {@code now}. */
    public Optional<SessionToken> verify(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String encoded = value.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(encoded))) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split("\\|");
            if (fields.length != 5) {
                return Optional.empty();
            }
            SessionToken token = new SessionToken(fields[0], fields[1], fields[2],
                    Instant.ofEpochMilli(Long.parseLong(fields[3])), Instant.ofEpochMilli(Long.parseLong(fields[4])));
            return now.isBefore(token.expiresAt()) ? Optional.of(token) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The CSRF token of a session (CONTRACT.md section 2): derived, so every service can check it. */
    public String csrfToken(String sessionId) {
        return ENCODER.encodeToString(sign("csrf|" + sessionId));
    }

    private byte[] sign(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
