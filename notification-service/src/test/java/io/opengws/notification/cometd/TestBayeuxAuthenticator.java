package io.opengws.notification.cometd;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Tests only: real directory credentials and cookies are authenticated as in the application; besides them,
 * HTTP Basic {@code userId:contactCenterId} is taken as the principal with no password, so protocol tests
 * need not provision users.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestBayeuxAuthenticator implements BayeuxAuthenticator {

    public static String basic(BayeuxPrincipal principal) {
        String pair = principal.userId() + ":" + principal.contactCenterId();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Inject
    DirectoryBayeuxAuthenticator directory;

    @Inject
    io.opengws.common.directory.DirectoryReplica users;

    @Override
    public Optional<BayeuxPrincipal> authenticate(HttpServerRequest request) {
        Optional<BayeuxPrincipal> real = directory.authenticate(request);
        if (real.isPresent()) {
            return real;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            return Optional.empty();
        }
        if (users.userByName(pair.substring(0, colon)).isPresent()) {
            return Optional.empty(); // a real user with a wrong password: refused, as in the application
        }
        return Optional.of(new BayeuxPrincipal(pair.substring(0, colon), pair.substring(colon + 1)));
    }
}
