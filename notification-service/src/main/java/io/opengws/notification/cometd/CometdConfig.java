package io.opengws.notification.cometd;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Bayeux server's settings; the times are in milliseconds, as Bayeux advice carries them. */
@ConfigMapping(prefix = "gws.cometd")
public interface CometdConfig {

    /** How long an idle {@code /meta/connect} is held (advice {@code timeout}); a client may ask for less. */
    @WithDefault("30000")
    long timeout();

    /** How long a client waits between the end of one {@code /meta/connect} and the next (advice {@code interval}). */
    @WithDefault("0")
    long interval();

    /** A session with no {@code /meta/connect} for this long after its last one ended expires (advice {@code maxInterval}). */
    @WithDefault("10000")
    long maxInterval();

    /** Held {@code /meta/connect}s one browser may have at once; more get the {@code multiple-clients} advice. Negative: no limit. */
    @WithDefault("1")
    int maxSessionsPerBrowser();

    /** The advice {@code interval} given with {@code multiple-clients}: the extra sessions poll at this pace. */
    @WithDefault("2000")
    long multiSessionInterval();

    /** The cookie that identifies a browser across its sessions. */
    @WithDefault("BAYEUX_BROWSER")
    String browserCookieName();

    /** How many recently delivered notification event ids are remembered to drop a redelivered one. */
    @WithDefault("10000")
    int rememberedEventIds();
}
