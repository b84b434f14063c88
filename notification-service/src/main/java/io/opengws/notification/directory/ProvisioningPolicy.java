package io.opengws.notification.directory;

import java.util.Collection;
import java.util.Optional;

import io.opengws.common.identity.Caller;
import io.opengws.common.identity.Role;
import io.opengws.common.wire.GwsException;

/**
 * Who may provision what (CONTRACT.md sections 2 and 4): cloud admins everything; a contact-center admin
 * the users of its own contact center; supervisors read users of theirs (decision 8); everyone reads
 * themselves. A resource of another contact center answers as if it did not exist.
 */
public final class ProvisioningPolicy {

    private ProvisioningPolicy() {
    }

    public static void requireCloudAdmin(Caller caller) {
        if (!caller.isCloudAdmin()) {
            throw GwsException.notPermitted("Only a cloud administrator may manage contact centers.");
        }
    }

    /** The contact center a new user goes to: the admin's own, or (cloud admin) the one named. */
    public static String contactCenterForNewUser(Caller caller, Optional<String> requested) {
        if (caller.isCloudAdmin()) {
            return requested.orElse(caller.contactCenterId());
        }
        if (!caller.has(Role.ROLE_ADMIN)) {
            throw GwsException.notPermitted("Only an administrator may create users.");
        }
        if (requested.isPresent() && !requested.get().equals(caller.contactCenterId())) {
            throw GwsException.notPermitted("An administrator creates users in its own contact center only.");
        }
        return caller.contactCenterId();
    }

    public static void requireMayGrant(Caller caller, Collection<Role> roles) {
        if (roles.contains(Role.ROLE_CLOUD_ADMIN) && !caller.isCloudAdmin()) {
            throw GwsException.notPermitted("Only a cloud administrator may grant ROLE_CLOUD_ADMIN.");
        }
    }

    public static void requireMayList(Caller caller) {
        if (!caller.isCloudAdmin() && !caller.has(Role.ROLE_ADMIN) && !caller.has(Role.ROLE_SUPERVISOR)) {
            throw GwsException.notPermitted("Listing users needs the role ROLE_ADMIN or ROLE_SUPERVISOR.");
        }
    }

    public static void requireMayRead(Caller caller, User user) {
        requireSameContactCenter(caller, user);
        if (caller.isCloudAdmin() || caller.userId().equals(user.id) || caller.has(Role.ROLE_ADMIN) || caller.has(Role.ROLE_SUPERVISOR)) {
            return;
        }
        throw GwsException.notPermitted("Reading another user needs the role ROLE_ADMIN or ROLE_SUPERVISOR.");
    }

    public static void requireMayWrite(Caller caller, User user) {
        requireSameContactCenter(caller, user);
        if (!caller.administers(user.contactCenterId)) {
            throw GwsException.notPermitted("Changing a user needs the role ROLE_ADMIN.");
        }
        if (user.roleList().contains(Role.ROLE_CLOUD_ADMIN.name()) && !caller.isCloudAdmin()) {
            throw GwsException.notPermitted("Only a cloud administrator may change a cloud administrator.");
        }
    }

    private static void requireSameContactCenter(Caller caller, User user) {
        if (!caller.isCloudAdmin() && !caller.contactCenterId().equals(user.contactCenterId)) {
            throw unknownUser(user.id);
        }
    }

    public static GwsException unknownUser(String id) {
        return GwsException.notFound("There is no user '" + GwsException.echo(id) + "'.");
    }
}
