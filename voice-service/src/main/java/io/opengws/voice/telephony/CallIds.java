package io.opengws.voice.telephony;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Ids of CONTRACT.md section 2: calls 32 upper-case alphanumerics; T-Server-like connIds, 16 hex digits. */
public final class CallIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallIds() {
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    public static String newConnId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
