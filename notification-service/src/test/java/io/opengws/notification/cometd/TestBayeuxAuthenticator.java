package io.opengws.notification.cometd;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Tests only: HTTP Basic {@code userId:contactCenterId} is the principal, no password involved. The real
 * authenticator (users of the directory, the JSESSIONID cookie) replaces it in the application.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestBayeuxAuthenticator implements BayeuxAuthenticator {

    public static String basic(BayeuxPrincipal principal) {
        String pair = principal.userId() + ":" + principal.contactCenterId();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<BayeuxPrincipal> authenticate(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new BayeuxPrincipal(pair.substring(0, colon), pair.substring(colon + 1)));
    }
}
