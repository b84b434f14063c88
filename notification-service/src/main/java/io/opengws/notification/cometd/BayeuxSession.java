package io.opengws.notification.cometd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Context;

/**
 * One Bayeux client: its user, subscriptions, queued messages, held {@code /meta/connect} and
 * {@code ack} batches. Its state is touched only on its own Vert.x context (the event loop its handshake
 * arrived on); the few fields other threads read are volatile.
 */
final class BayeuxSession {

    /** A {@code /meta/connect} waiting for a message or its timeout. */
    record HeldConnect(BayeuxExchange exchange, int slot, ObjectNode reply, long timerId, String browserId) {
    }

    private final String id;
    private final BayeuxPrincipal principal;
    private final Context context;
    private final UnacknowledgedBatches<ObjectNode> unacknowledged;

    private final Map<String, ChannelPattern> subscriptions = new LinkedHashMap<>();
    private final Deque<ObjectNode> queue = new ArrayDeque<>();
    private HeldConnect held;
    private boolean flushScheduled;

    private volatile boolean closed;
    private volatile boolean connectedOnce;
    private volatile boolean holding;
    private volatile long lastConnectEndedNanos;

    BayeuxSession(String id, BayeuxPrincipal principal, Context context, boolean acknowledged) {
        this.id = id;
        this.principal = principal;
        this.context = context;
        this.unacknowledged = acknowledged ? new UnacknowledgedBatches<>() : null;
        this.lastConnectEndedNanos = System.nanoTime();
    }

    String id() {
        return id;
    }

    BayeuxPrincipal principal() {
        return principal;
    }

    Context context() {
        return context;
    }

    boolean acknowledged() {
        return unacknowledged != null;
    }

    UnacknowledgedBatches<ObjectNode> unacknowledged() {
        return unacknowledged;
    }

    void subscribe(ChannelPattern pattern) {
        subscriptions.put(pattern.value(), pattern);
    }

    void unsubscribe(String pattern) {
        subscriptions.remove(pattern);
    }

    boolean isSubscribedTo(String channel) {
        for (ChannelPattern pattern : subscriptions.values()) {
            if (pattern.matches(channel)) {
                return true;
            }
        }
        return false;
    }

    void enqueue(ObjectNode message) {
        queue.addLast(message);
    }

    /** Messages to send again go before every message queued since. */
    void requeueFirst(List<ObjectNode> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            queue.addFirst(messages.get(i));
        }
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    List<ObjectNode> drain() {
        List<ObjectNode> drained = new ArrayList<>(queue);
        queue.clear();
        return drained;
    }

    HeldConnect held() {
        return held;
    }

    void hold(HeldConnect connect) {
        held = connect;
        holding = true;
    }

    /** The held connect, if any, is answered now: it is no longer held, and the maxInterval count starts. */
    HeldConnect release() {
        HeldConnect released = held;
        held = null;
        holding = false;
        lastConnectEndedNanos = System.nanoTime();
        return released;
    }

    /** A connect is answered at once: the maxInterval count starts again from now. */
    void connectAnswered() {
        connectedOnce = true;
        lastConnectEndedNanos = System.nanoTime();
    }

    boolean connectedOnce() {
        return connectedOnce;
    }

    /** Whether a flush of the held connect is already on its way, so that a burst of messages leaves in one reply. */
    boolean scheduleFlush() {
        if (flushScheduled) {
            return false;
        }
        flushScheduled = true;
        return true;
    }

    void flushed() {
        flushScheduled = false;
    }

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** Open, holding no connect, and none has ended within {@code maxIntervalMillis}: it expires. Any thread. */
    boolean isIdleLongerThan(long nowNanos, long maxIntervalMillis) {
        return !closed && !holding && nowNanos - lastConnectEndedNanos > maxIntervalMillis * 1_000_000L;
    }

    /** Connected at least once and, since, either holding a connect or within {@code maxIntervalMillis} of the last. Any thread. */
    boolean isLive(long nowNanos, long maxIntervalMillis) {
        return !closed && connectedOnce
                && (holding || nowNanos - lastConnectEndedNanos <= maxIntervalMillis * 1_000_000L);
    }
}
