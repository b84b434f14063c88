package io.opengws.common.identity;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.wire.GwsException;
import jakarta.enterprise.context.ApplicationScoped;

/** The checks every operation starts with: the caller's contact center has the features, the caller the role. */
@ApplicationScoped
public class FeatureGate {

    private final DirectoryReplica directory;

    public FeatureGate(DirectoryReplica directory) {
        this.directory = directory;
    }

    /** A feature that is off makes its resources answer as if they did not exist (HTTP 404). */
    public void require(Caller caller, String... features) {
        for (String feature : features) {
            if (!directory.hasFeature(caller.contactCenterId(), feature)) {
                throw GwsException.featureOff(feature);
            }
        }
    }

    /** The caller administers its own contact center; {@code refusal} tells what needed it (statusCode 5). */
    public void requireAdmin(Caller caller, String refusal) {
        if (!caller.administers(caller.contactCenterId())) {
            throw GwsException.notPermitted(refusal);
        }
    }

    public void requireRole(Caller caller, Role role) {
        if (!caller.has(role) && !caller.isCloudAdmin()) {
            throw GwsException.notPermitted("This operation needs the role " + role + ".");
        }
    }
}
