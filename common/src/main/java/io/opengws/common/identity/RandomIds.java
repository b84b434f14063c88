package io.opengws.common.identity;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Random ids (sessions, events, interactions, participants, calls, Bayeux clients) from a generator of each thread's
 * own. Why not {@code UUID.randomUUID()} or one {@code new SecureRandom()}: on Linux both draw from NativePRNG, whose
 * state is one per JVM behind one lock, held while it reads {@code /dev/urandom} and mixes with SHA-1. On two busy
 * cores a thread preempted while holding it stalls every request: the chat bench measured waits on that lock of
 * 43 ms median, 400 ms at worst, and collapsed from a p50 of 10 ms to 700 ms. A DRBG (NIST SP 800-90A) per thread is as
 * unpredictable, seeds itself from the system once, and shares nothing.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(RandomIds::newGenerator);
    private static final HexFormat HEX = HexFormat.of();

    private RandomIds() {
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        GENERATOR.get().nextBytes(bytes);
        return bytes;
    }

    /** {@code count} random bytes as lower-case hex digits (twice as many characters). */
    public static String hex(int count) {
        return HEX.formatHex(bytes(count));
    }

    /** The same, upper-case: the form of the seeds' interaction, participant and call ids. */
    public static String upperHex(int count) {
        return hex(count).toUpperCase(Locale.ROOT);
    }

    /** A version 4 (random) UUID in its usual text form, as {@code UUID.randomUUID()} gives it. */
    public static String uuid() {
        byte[] bytes = bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK since 9 has the DRBG SecureRandom", e);
        }
    }
}
