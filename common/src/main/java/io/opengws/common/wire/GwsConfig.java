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

    Session session();

    Outbox outbox();

    Multimedia multimedia();

    /** chat-service and sms-service: which channel common's multimedia beans serve (io.opengws.common.multimedia). */
    interface Multimedia {

        /** Build time: the multimedia beans exist only in a service that sets it. */
        @WithDefault("false")
        boolean enabled();

        /** {@code chat} or {@code smssession}. */
        @WithDefault("chat")
        String channel();
    }

    interface Outbox {

        /** How often the outbox is swept for what a crash or a broker outage left (a Quarkus scheduler period). */
        @WithDefault("1s")
        String sweepInterval();

        /**
         * The least time between two runs of the relay: under load a run takes the events of several commits at
         * once (fewer produce requests, consumer fetches and outbox reads); an event waits at most this long more.
         * Measured under the chat benchmark (1,000 messages/s, warm system, CPU of the whole local system): 5 ms,
         * 165% of the two cores' 200%, p50 8 ms; 10 ms, 123%, p50 12 ms; 20 ms, 117%, p50 18 ms. Every part of a
         * notification's path works per request or per batch, not per event: the relay's outbox read, the produce
         * request, the consumers' fetches and polls.
         */
        @WithDefault("PT0.010S")
        java.time.Duration minRelayInterval();
    }

    interface Session {

        /**
         * The key every service signs and checks {@code JSESSIONID} with; the same in all services. The
         * default is for local runs only: production sets GWS_SESSION_SIGNING_KEY from a Secret.
         */
        @WithDefault("local-only-signing-key-set-GWS_SESSION_SIGNING_KEY")
        String signingKey();

        /** A session ends after this long without a request (CONTRACT.md section 3, last paragraph). */
        @WithDefault("PT30M")
        java.time.Duration timeout();

        /** How long a verified Basic password is trusted without being used, before bcrypt runs again. */
        @WithDefault("PT60S")
        java.time.Duration credentialCacheTtl();
    }
}
