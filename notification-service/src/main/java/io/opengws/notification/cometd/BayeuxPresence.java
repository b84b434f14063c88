package io.opengws.notification.cometd;

import io.opengws.notification.session.CometdPresence;
import jakarta.enterprise.context.ApplicationScoped;

/** A user with a live CometD session keeps its contact-center session from expiring. */
@ApplicationScoped
public class BayeuxPresence implements CometdPresence {

    private final BayeuxServer server;

    public BayeuxPresence(BayeuxServer server) {
        this.server = server;
    }

    @Override
    public boolean isConnected(String userId) {
        return server.hasLiveSession(userId);
    }
}
