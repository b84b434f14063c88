package io.opengws.notification.cometd;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sessions of each browser (its {@code BAYEUX_BROWSER} cookie) hold a {@code /meta/connect}, so that one
 * browser does not hold more long polls than its HTTP/1.1 connections allow (cometd-reference.md 4.3). Shared
 * by sessions living on different event loops, hence atomic.
 */
public final class BrowserConnects {

    private final Map<String, Set<String>> holding = new ConcurrentHashMap<>();
    private final int maxPerBrowser;

    /** @param maxPerBrowser held connects one browser may have at once; negative for no limit */
    public BrowserConnects(int maxPerBrowser) {
        this.maxPerBrowser = maxPerBrowser;
    }

    /** Records that {@code sessionId} holds a connect for {@code browserId}, unless the browser already holds its maximum. */
    public boolean tryHold(String browserId, String sessionId) {
        if (maxPerBrowser < 0) {
            return true;
        }
        boolean[] held = new boolean[1];
        holding.compute(browserId, (browser, sessions) -> {
            Set<String> current = sessions == null ? new HashSet<>() : sessions;
            if (current.contains(sessionId) || current.size() < maxPerBrowser) {
                current.add(sessionId);
                held[0] = true;
            }
            return current.isEmpty() ? null : current;
        });
        return held[0];
    }

    /** The connect {@code sessionId} held for {@code browserId} has ended. */
    public void release(String browserId, String sessionId) {
        holding.computeIfPresent(browserId, (browser, sessions) -> {
            sessions.remove(sessionId);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
