package io.opengws.common.identity;

import java.util.Set;

/**
 * Who sent a request, as established from the directory replica: the user, its contact center and roles,
 * and the HTTP session ({@code JSESSIONID}) the request belongs to, if any.
 */
public record Caller(String userId, String userName, String contactCenterId, Set<Role> roles, String sessionId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCloudAdmin() {
        return has(Role.ROLE_CLOUD_ADMIN);
    }

    /** A contact-center admin of {@code contactCenterId}, or a cloud admin (who administers all). */
    public boolean administers(String contactCenterId) {
        return isCloudAdmin() || has(Role.ROLE_ADMIN) && this.contactCenterId.equals(contactCenterId);
    }
}
