package io.opengws.voice.telephony;

import io.opengws.common.identity.RandomIds;

/** Ids of CONTRACT.md section 2: calls 32 upper-case alphanumerics; T-Server-like connIds, 16 hex digits. */
public final class CallIds {

    private CallIds() {
    }

    public static String newId() {
        return RandomIds.upperHex(16);
    }

    public static String newConnId() {
        return RandomIds.hex(8);
    }
}
