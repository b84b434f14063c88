package io.opengws.common.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Remembers that a user name and password matched a bcrypt hash, so that HTTP Basic on every request does not
 * run bcrypt (tens of milliseconds of a core, on the request's worker thread) every time. An entry is only
 * trusted while the user's hash is still the one it was checked against, so a password change takes effect at
 * once; it is forgotten after the TTL without use. A fixed lifetime instead had every busy user's next request
 * run bcrypt once a minute: with 250 agents that was half a core of the voice service, and a request queued
 * behind each run. Only a SHA-256 of the credentials is kept, never the password.
 */
public final class CredentialCache {

    private record Verified(String passwordHash, Instant until) {
    }

    private static final int MAX_ENTRIES = 50_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Checks running now, by credentials: a desktop that logs in opens several requests at once, and the
     * ones that arrive while the first is checked wait for its answer instead of each running bcrypt. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final BiPredicate<String, String> matches;

    public CredentialCache(Duration ttl, Clock clock) {
        this(ttl, clock, PasswordHasher::matches);
    }

    /** @param matches bcrypt ({@link PasswordHasher#matches}); a test passes one that counts its runs */
    CredentialCache(Duration ttl, Clock clock, BiPredicate<String, String> matches) {
        this.ttl = ttl;
        this.clock = clock;
        this.matches = matches;
    }

    /** Whether {@code password} is the password of the user whose current hash is {@code passwordHash}. */
    public boolean verify(String userName, String password, String passwordHash) {
        String key = digest(userName, password);
        Verified cached = verified.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.passwordHash().equals(passwordHash) && now.isBefore(cached.until())) {
            if (now.plus(ttl.dividedBy(2)).isAfter(cached.until())) {
                // In use: trusted for another TTL (renewed at most twice a TTL, not written on every request).
                verified.replace(key, cached, new Verified(passwordHash, now.plus(ttl)));
            }
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        // Keyed with the hash too: a check against a hash just replaced answers nobody who has the new one.
        String checkKey = key + '\u0000' + passwordHash;
        CompletableFuture<Boolean> running = checking.putIfAbsent(checkKey, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matched = check(key, password, passwordHash, now);
            mine.complete(matched);
            return matched;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(checkKey, mine);
        }
    }

    private boolean check(String key, String password, String passwordHash, Instant now) {
        if (!matches.test(password, passwordHash)) {
            verified.remove(key);
            return false;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, new Verified(passwordHash, now.plus(ttl)));
        return true;
    }

    private static String digest(String userName, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((userName + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
