package io.opengws.common.wire;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every service shares. */
@ConfigMapping(prefix = "gws")
public interface GwsConfig {

    /**
     * The origin clients reach the system at (the edge, or the Kubernetes Ingress): every absolute
     * resource URI starts with it, including those in notifications that no request caused.
     */
    @WithDefault("http://localhost:8080")
    String publicOrigin();
}
