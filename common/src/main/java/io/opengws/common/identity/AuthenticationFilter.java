package io.opengws.common.identity;

import java.util.Optional;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.StatusCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Authenticates every JAX-RS request (CONTRACT.md section 2, auth and CSRF rows): HTTP Basic or the
 * {@code JSESSIONID} cookie, answering 401 with statusCode 20 otherwise. The first authenticated answer of
 * a session sets the cookie; with the contact center's {@code enableCsrfProtection} on, GET answers carry
 * the CSRF token and writes without it are refused.
 */
public class AuthenticationFilter {

    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    static final String CSRF_SETTING = "enableCsrfProtection";

    @Inject
    CallerAuthenticator authenticator;

    @Inject
    CurrentCaller current;

    @Inject
    DirectoryReplica directory;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (isAnonymous(resource)) {
            return;
        }
        Optional<Caller> caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(HttpHeaders.COOKIE));
        if (caller.isEmpty()) {
            throw new GwsException(StatusCode.NOT_AUTHENTICATED,
                    "Authentication is required: send valid HTTP Basic credentials or the session cookie.");
        }
        Caller found = caller.get();
        boolean newSession = found.sessionId() == null;
        if (newSession) {
            found = new Caller(found.userId(), found.userName(), found.contactCenterId(), found.roles(), CallerAuthenticator.newSessionId());
        }
        current.set(found, newSession);
        if (csrfProtected(found) && isWrite(request.getMethod())) {
            String token = request.getHeaderString(CSRF_HEADER);
            if (newSession || token == null || !token.equals(authenticator.csrfToken(found.sessionId()))) {
                throw new GwsException(StatusCode.FORBIDDEN, "Missing or invalid Csrf token");
            }
        }
    }

    @ServerResponseFilter
    public void session(ContainerResponseContext response) {
        if (!current.isPresent()) {
            return;
        }
        Caller caller = current.get();
        if (current.sessionEnded()) {
            response.getHeaders().add("Set-Cookie", CallerAuthenticator.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            return;
        }
        // Renewed on every answer: the session lives until it has seen no request for the configured time.
        response.getHeaders().add("Set-Cookie", CallerAuthenticator.SESSION_COOKIE + "="
                + authenticator.issueSession(caller, caller.sessionId()) + "; Path=/; HttpOnly; SameSite=Lax");
        if (csrfProtected(caller)) {
            response.getHeaders().add("X-CSRF-HEADER", CSRF_HEADER);
            response.getHeaders().add(CSRF_HEADER, authenticator.csrfToken(caller.sessionId()));
        }
    }

    private boolean csrfProtected(Caller caller) {
        return directory.setting(caller.contactCenterId(), CSRF_SETTING).map(Boolean::parseBoolean).orElse(false);
    }

    private static boolean isWrite(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("DELETE") || method.equals("PATCH");
    }

    private static boolean isAnonymous(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Anonymous.class)
                        || resource.getResourceClass().isAnnotationPresent(Anonymous.class));
    }
}
