package io.opengws.voice.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** voice-service's own settings. */
@ConfigMapping(prefix = "gws.voice")
public interface VoiceConfig {

    /**
     * How often a routing pass starts for each contact center with calls waiting (a Quarkus scheduler period;
     * {@code off} for none): what a crash between a change's commit and its routing pass left waiting.
     */
    @WithDefault("5s")
    String routingSweep();
}
