package io.opengws.common.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.opengws.common.directory.DirectoryReplica;
import io.opengws.common.events.UserRecord;
import io.opengws.common.wire.GwsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity provider every service uses, on HTTP requests and CometD handshakes alike: HTTP Basic
 * checked against the bcrypt hash of the directory replica (through the {@link CredentialCache}), or a
 * {@code JSESSIONID} this system signed, for a session that has not ended.
 */
@ApplicationScoped
public class CallerAuthenticator {

    public static final String SESSION_COOKIE = "JSESSIONID";

    private final DirectoryReplica directory;
    private final SessionRevocations revocations;
    private final SessionTokens tokens;
    private final CredentialCache credentials;
    private final GwsConfig config;
    private final Clock clock = Clock.systemUTC();

    public CallerAuthenticator(DirectoryReplica directory, SessionRevocations revocations, GwsConfig config) {
        this.directory = directory;
        this.revocations = revocations;
        this.config = config;
        this.tokens = new SessionTokens(config.session().signingKey());
        this.credentials = new CredentialCache(config.session().credentialCacheTtl(), clock);
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param cookies the {@code Cookie} header, or null
     */
    public Optional<Caller> authenticate(String authorization, String cookies) {
        Optional<SessionToken> session = session(cookies);
        if (authorization != null && !authorization.isBlank()) {
            Optional<UserRecord> user = basic(authorization);
            return user.map(found -> caller(found, session.filter(token -> token.userId().equals(found.id()))
                    .map(SessionToken::sessionId).orElse(null)));
        }
        return session.flatMap(token -> directory.user(token.userId())
                .filter(UserRecord::enabled)
                .map(user -> caller(user, token.sessionId())));
    }

    /** A {@code JSESSIONID} value for a new session of {@code caller}, or a renewed one for its session. */
    public String issueSession(Caller caller, String sessionId) {
        Instant now = clock.instant();
        return tokens.issue(new SessionToken(caller.userId(), caller.contactCenterId(), sessionId, now,
                now.plus(config.session().timeout())));
    }

    public static String newSessionId() {
        return RandomIds.upperHex(16);
    }

    public String csrfToken(String sessionId) {
        return tokens.csrfToken(sessionId);
    }

    private Optional<SessionToken> session(String cookies) {
        return cookieValue(cookies, SESSION_COOKIE)
                .flatMap(value -> tokens.verify(value, clock.instant()))
                .filter(token -> !revocations.isRevoked(token));
    }

    private Optional<UserRecord> basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String userName = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return directory.userByName(userName)
                .filter(UserRecord::enabled)
                .filter(user -> credentials.verify(user.userName(), password, user.passwordHash()));
    }

    private static Caller caller(UserRecord user, String sessionId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        user.roles().forEach(name -> Role.parse(name).ifPresent(roles::add));
        return new Caller(user.id(), user.userName(), user.contactCenterId(), Set.copyOf(roles), sessionId);
    }

    static Optional<String> cookieValue(String cookies, String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (String part : cookies.split(";")) {
            String cookie = part.trim();
            if (cookie.startsWith(name + "=")) {
                String value = cookie.substring(name.length() + 1).trim();
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
