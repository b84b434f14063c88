package io.opengws.notification.cometd;

import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who a Bayeux handshake comes from (CONTRACT.md section 2, auth row): HTTP Basic or the {@code JSESSIONID}
 * session cookie. The handshake is refused when this answers empty; the session is then bound to the
 * principal for its whole life.
 *
 * <p>Called on a worker thread, so an implementation may block (password hashing, a database read); it must
 * only read the request's headers.
 */
public interface BayeuxAuthenticator {

    /** The user a Bayeux request comes from, from its headers (Authorization: Basic, Cookie: JSESSIONID), or empty. */
    Optional<BayeuxPrincipal> authenticate(HttpServerRequest request);
}
