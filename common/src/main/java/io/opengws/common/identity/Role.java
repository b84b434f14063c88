package io.opengws.common.identity;

/** The four roles of CONTRACT.md section 2, spelled as on the wire. */
public enum Role {
    ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN, ROLE_CLOUD_ADMIN;

    /** {@code agent}, {@code supervisor}, {@code admin} (the [htcc] roles option) are accepted too. */
    public static java.util.Optional<Role> parse(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        String full = upper.startsWith("ROLE_") ? upper : "ROLE_" + upper.replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(full)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
