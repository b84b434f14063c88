package io.opengws.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Contact-center sessions (the timeout itself is common's gws.session.timeout, shared with the cookies). */
@ConfigMapping(prefix = "gws.sessions")
public interface SessionsConfig {

    /** How often idle sessions are looked for (a Quarkus scheduler period). */
    @WithDefault("30s")
    String expiryCheck();

    /**
     * How long StartContactCenterSession waits for the channel services to confirm activation on CometD
     * (decision 13) before it answers anyway.
     */
    @WithDefault("PT1.5S")
    java.time.Duration activationPatience();
}
