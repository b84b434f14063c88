package io.opengws.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bootstrap cloud admin (CONTRACT.md section 4): GWS_ADMIN_USER, GWS_ADMIN_PASSWORD. */
@ConfigMapping(prefix = "gws.admin")
public interface AdminConfig {

    @WithDefault("admin")
    String user();

    /** Required in production; the local, dev and test profiles default it to {@code admin}. */
    Optional<String> password();
}
