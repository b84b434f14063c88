package io.opengws.common.identity;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt, the only form in which passwords are stored or published. */
public final class PasswordHasher {

    private static final int COST = 10;

    /** bcrypt reads at most this many bytes of a password; longer ones are refused, not cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private PasswordHasher() {
    }

    public static boolean isHashable(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException tooLong) {
            // bcrypt refuses passwords over 72 bytes; hash() refuses them too, so none can be the stored one.
            return false;
        }
    }
}
