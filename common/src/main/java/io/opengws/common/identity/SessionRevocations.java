package io.opengws.common.identity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sessions that ended ({@code EndContactCenterSession} or expiry, from {@code gws.sessions}): a user's
 * {@code JSESSIONID} issued before the end of its last session is refused by every service from then on.
 */
@ApplicationScoped
public class SessionRevocations {

    private final Map<String, Instant> endedAt = new ConcurrentHashMap<>();

    public void ended(String userId, Instant at) {
        endedAt.merge(userId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    public boolean isRevoked(SessionToken token) {
        Instant ended = endedAt.get(token.userId());
        return ended != null && !token.issuedAt().isAfter(ended);
    }
}
