package io.opengws.notification.cometd;

import java.util.Optional;

import io.opengws.common.identity.CallerAuthenticator;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CometD handshakes are authenticated like every other request (CONTRACT.md section 2): HTTP Basic of a
 * directory user, or the {@code JSESSIONID} of a session that has not ended, so a desktop may open CometD
 * with no credentials of its own after its first {@code GET /api/v2/me}.
 */
@ApplicationScoped
public class DirectoryBayeuxAuthenticator implements BayeuxAuthenticator {

    private final CallerAuthenticator callers;

    public DirectoryBayeuxAuthenticator(CallerAuthenticator callers) {
        this.callers = callers;
    }

    @Override
    public Optional<BayeuxPrincipal> authenticate(HttpServerRequest request) {
        return callers.authenticate(request.getHeader("Authorization"), request.getHeader("Cookie"))
                .map(caller -> new BayeuxPrincipal(caller.userId(), caller.contactCenterId()));
    }
}
