package io.opengws.notification.directory;

import java.util.List;
import java.util.Map;

import io.opengws.common.directory.Features;
import io.opengws.common.identity.Role;
import io.opengws.notification.config.AdminConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * On start: the contact center {@code default} and the cloud admin exist (created on first start), and the
 * directory replica holds the whole directory before the first request is served.
 */
@ApplicationScoped
public class DirectoryBootstrap {

    static final String LOCAL_DEFAULT_PASSWORD = "admin";

    @Inject
    DirectoryService directory;

    @Inject
    AdminConfig admin;

    void onStart(@Observes StartupEvent start) {
        String password = admin.password().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "GWS_ADMIN_PASSWORD is not set: the bootstrap cloud admin needs a password (gws.admin.password)."));
        if (password.equals(LOCAL_DEFAULT_PASSWORD)) {
            Log.warnf("The cloud admin '%s' has the local default password '%s': set GWS_ADMIN_PASSWORD for anything but a local run.",
                    admin.user(), LOCAL_DEFAULT_PASSWORD);
        }
        ensureDefaults(password);
        directory.loadReplica();
    }

    private void ensureDefaults(String password) {
        ContactCenter center = directory.contactCenters().stream()
                .filter(candidate -> candidate.name.equals(ContactCenter.DEFAULT_NAME))
                .findFirst()
                .orElseGet(() -> directory.createContactCenter(ContactCenter.DEFAULT_NAME, Features.ALL, Map.of()));
        if (directory.userByName(admin.user()).isEmpty()) {
            directory.createUser(center.id, new NewUser(admin.user(), password, "Cloud", "Administrator", null,
                    List.of(Role.ROLE_CLOUD_ADMIN.name(), Role.ROLE_ADMIN.name())));
            Log.infof("Created the cloud admin '%s' in the contact center '%s'", admin.user(), ContactCenter.DEFAULT_NAME);
        }
    }
}
