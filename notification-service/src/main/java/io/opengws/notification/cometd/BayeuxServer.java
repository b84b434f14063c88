package io.opengws.notification.cometd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.opengws.common.identity.RandomIds;
import io.opengws.notification.cometd.BayeuxSession.HeldConnect;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The Bayeux 1.0 server of the {@code long-polling} transport (cometd-reference.md sections 1 to 5), written
 * for the event loop: no thread waits for a client. A session lives on the Vert.x context its handshake came
 * in on, and everything that touches it (requests, timers, deliveries from Kafka threads) runs there, one task
 * after another. A held {@code /meta/connect} is answered by its timer, by a delivery, or by a disconnect.
 */
@ApplicationScoped
public class BayeuxServer {

    static final String HANDSHAKE = "/meta/handshake";
    static final String CONNECT = "/meta/connect";
    static final String SUBSCRIBE = "/meta/subscribe";
    static final String UNSUBSCRIBE = "/meta/unsubscribe";
    static final String DISCONNECT = "/meta/disconnect";

    private static final JsonNodeFactory NODES = BayeuxJson.NODES;

    private final Vertx vertx;
    private final CometdConfig config;
    private final BayeuxAuthenticator authenticator;
    private final BrowserConnects browsers;
    private final Map<String, BayeuxSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<BayeuxSession>> sessionsByUser = new ConcurrentHashMap<>();

    @Inject
    BayeuxServer(Vertx vertx, CometdConfig config, BayeuxAuthenticator authenticator) {
        this.vertx = vertx;
        this.config = config;
        this.authenticator = authenticator;
        this.browsers = new BrowserConnects(config.maxSessionsPerBrowser());
        // One sweep for every session's maxInterval, not a timer per connect: at thousands of connects a
        // second, setting and cancelling a timer each time cost CPU and garbage on the event loop.
        vertx.setPeriodic(sweepPeriodMillis(config.maxInterval()), tick -> expireIdleSessions());
    }

    /** A quarter of maxInterval, within 50 ms to 1 s: a session expires at most that late. */
    static long sweepPeriodMillis(long maxIntervalMillis) {
        return Math.max(50, Math.min(1000, maxIntervalMillis / 4));
    }

    /**
     * Hands a notification to every session of {@code recipient} (same user, same contact center) whose
     * subscriptions match {@code channel}. Any thread; per recipient, messages arrive in call order. {@code data}
     * is the message's JSON object as text, well-formed: every session's reply copies it as it is.
     *
     * @return how many sessions of the recipient it was handed to (each still applies its subscriptions)
     */
    public int deliver(BayeuxPrincipal recipient, String channel, String data) {
        if (!ChannelPattern.isValidName(channel) || ChannelPattern.isMeta(channel)) {
            Log.warnf("Notification for user %s not delivered: %s is not a channel a client can receive", recipient.userId(), channel);
            return 0;
        }
        Set<BayeuxSession> userSessions = sessionsByUser.get(recipient.userId());
        if (userSessions == null) {
            return 0;
        }
        // The same text for every session: each reply copies the same bytes.
        ObjectNode message = NODES.objectNode().put("channel", channel);
        message.putRawValue("data", new RawValue(data));
        int handed = 0;
        for (BayeuxSession session : userSessions) {
            // A user id never matches across contact centers; a mismatch is a producer's mistake and goes nowhere.
            if (session.principal().equals(recipient)) {
                session.context().runOnContext(v -> offer(session, message));
                handed++;
            }
        }
        return handed;
    }

    /** Whether {@code userId} has a session that has connected and has not gone longer than maxInterval without a connect. */
    public boolean hasLiveSession(String userId) {
        Set<BayeuxSession> userSessions = sessionsByUser.get(userId);
        long now = System.nanoTime();
        return userSessions != null && userSessions.stream().anyMatch(session -> session.isLive(now, config.maxInterval()));
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** One HTTP request's messages, already parsed; the response is written when all are answered. */
    void handle(List<ObjectNode> messages, HttpServerRequest request) {
        BayeuxExchange exchange = new BayeuxExchange(request.response());
        Optional<ObjectNode> handshake = messages.stream().filter(message -> HANDSHAKE.equals(text(message, "channel"))).findFirst();
        Future<Void> processed;
        if (handshake.isPresent()) {
            // Bayeux: the other messages of a request that carries a handshake are ignored.
            processed = handshake(handshake.get(), request, exchange);
        } else {
            processed = Future.succeededFuture();
            for (ObjectNode message : messages) {
                processed = processed.compose(v -> process(message, request, exchange));
            }
        }
        processed.onComplete(done -> {
            if (done.failed()) {
                Log.error("A Bayeux request failed; answering the replies made so far", done.cause());
            }
            exchange.processed();
        });
    }

    private Future<Void> handshake(ObjectNode message, HttpServerRequest request, BayeuxExchange exchange) {
        Context context = vertx.getOrCreateContext();
        return vertx.executeBlocking(() -> authenticate(request), false).map(principal -> {
            if (principal.isEmpty()) {
                ObjectNode refused = failure(message, HANDSHAKE, BayeuxError.HANDSHAKE_DENIED);
                refused.putObject("advice").put("reconnect", "none").put("interval", 0);
                exchange.reply(refused);
                return null;
            }
            BayeuxSession session = open(principal.get(), context, acknowledgementsRequested(message));
            if (request.getCookie(config.browserCookieName()) == null) {
                exchange.response().addCookie(Cookie.cookie(config.browserCookieName(), randomId()).setPath("/").setHttpOnly(true));
            }
            ObjectNode reply = reply(message, HANDSHAKE).put("version", "1.0").put("minimumVersion", "1.0");
            reply.putArray("supportedConnectionTypes").add("long-polling");
            reply.put("clientId", session.id()).put("successful", true);
            reply.set("advice", advice().put("maxInterval", config.maxInterval()));
            if (session.acknowledged()) {
                reply.putObject("ext").put("ack", true);
            }
            exchange.reply(reply);
            return null;
        });
    }

    private Optional<BayeuxPrincipal> authenticate(HttpServerRequest request) {
        try {
            return authenticator.authenticate(request);
        } catch (RuntimeException e) {
            Log.error("The Bayeux authenticator failed; the handshake is refused", e);
            return Optional.empty();
        }
    }

    private BayeuxSession open(BayeuxPrincipal principal, Context context, boolean acknowledged) {
        BayeuxSession session = new BayeuxSession(randomId(), principal, context, acknowledged);
        sessions.put(session.id(), session);
        sessionsByUser.compute(principal.userId(), (user, userSessions) -> {
            Set<BayeuxSession> updated = userSessions == null ? ConcurrentHashMap.newKeySet() : userSessions;
            updated.add(session);
            return updated;
        });
        Log.debugf("Bayeux session %s opened for user %s", session.id(), principal.userId());
        return session;
    }

    private Future<Void> process(ObjectNode message, HttpServerRequest request, BayeuxExchange exchange) {
        String channel = text(message, "channel");
        if (channel == null) {
            exchange.reply(failure(message, null, BayeuxError.CHANNEL_MISSING));
            return Future.succeededFuture();
        }
        String clientId = text(message, "clientId");
        BayeuxSession session = clientId == null ? null : sessions.get(clientId);
        if (session == null) {
            exchange.reply(unknownClient(message, channel));
            return Future.succeededFuture();
        }
        return onContext(session, current -> {
            // Past maxInterval and the sweep has not come by yet: it expires now, exactly when the client sees it.
            expireIfIdle(current);
            if (current.closed()) {
                exchange.reply(unknownClient(message, channel));
                return;
            }
            switch (channel) {
                case CONNECT -> connect(current, message, request, exchange);
                case SUBSCRIBE -> subscribe(current, message, exchange);
                case UNSUBSCRIBE -> unsubscribe(current, message, exchange);
                case DISCONNECT -> disconnect(current, message, exchange);
                default -> exchange.reply(publish(message, channel));
            }
        });
    }

    private Future<Void> onContext(BayeuxSession session, Consumer<BayeuxSession> step) {
        Promise<Void> done = Promise.promise();
        session.context().runOnContext(v -> {
            try {
                step.accept(session);
                done.complete();
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    private void connect(BayeuxSession session, ObjectNode message, HttpServerRequest request, BayeuxExchange exchange) {
        // A client that gave up on its connect sends a new one: the old one is answered empty, and whatever is
        // queued goes with the new one, which the client is waiting for.
        answerHeldConnectEmpty(session, null);
        ObjectNode reply = reply(message, CONNECT).put("successful", true);
        long clientTimeout = clientAdviceTimeout(message);
        boolean first = !session.connectedOnce();
        if (first || clientTimeout >= 0) {
            reply.set("advice", advice());
        }
        if (session.acknowledged()) {
            acknowledge(session, message);
        }
        long timeout = clientTimeout >= 0 ? Math.min(clientTimeout, config.timeout()) : config.timeout();
        if (first || session.hasQueued() || timeout <= 0) {
            answerConnectNow(session, exchange, reply);
            return;
        }
        String browser = Optional.ofNullable(request.getCookie(config.browserCookieName())).map(Cookie::getValue).orElse(null);
        if (browser != null && !browsers.tryHold(browser, session.id())) {
            reply.putObject("advice").put("multiple-clients", true)
                    .put("interval", config.multiSessionInterval()).put("reconnect", "retry");
            answerConnectNow(session, exchange, reply);
            return;
        }
        int slot = exchange.hold();
        long timerId = vertx.setTimer(timeout, fired -> answerHeldConnect(session));
        session.hold(new HeldConnect(exchange, slot, reply, timerId, browser));
        exchange.response().closeHandler(closed -> session.context().runOnContext(v -> abandonHeldConnect(session, exchange)));
    }

    /** With the ack extension: what the client acknowledged is forgotten, what it did not receive is queued again first. */
    private static void acknowledge(BayeuxSession session, ObjectNode message) {
        JsonNode ack = message.path("ext").path("ack");
        if (ack.isIntegralNumber()) {
            session.requeueFirst(session.unacknowledged().acknowledge(ack.asLong()));
        }
    }

    private void answerConnectNow(BayeuxSession session, BayeuxExchange exchange, ObjectNode reply) {
        session.connectAnswered();
        exchange.reply(takeEvents(session, reply), reply);
    }

    /** Answers the held connect, if any, with everything queued. */
    private void answerHeldConnect(BayeuxSession session) {
        HeldConnect held = session.release();
        if (held == null) {
            return;
        }
        endHold(session, held);
        held.exchange().fill(held.slot(), takeEvents(session, held.reply()), held.reply());
    }

    /** Answers the held connect, if any, with no events (they stay queued) and the given advice, if any. */
    private void answerHeldConnectEmpty(BayeuxSession session, ObjectNode advice) {
        HeldConnect held = session.release();
        if (held != null) {
            endHold(session, held);
            if (advice != null) {
                held.reply().set("advice", advice);
            }
            held.exchange().fill(held.slot(), List.of(), held.reply());
        }
    }

    /** The client closed the connection of its held connect: nothing is answered, queued messages wait for the next. */
    private void abandonHeldConnect(BayeuxSession session, BayeuxExchange exchange) {
        HeldConnect held = session.held();
        if (held == null || held.exchange() != exchange) {
            return;
        }
        session.release();
        endHold(session, held);
    }

    private void endHold(BayeuxSession session, HeldConnect held) {
        vertx.cancelTimer(held.timerId());
        if (held.browserId() != null) {
            browsers.release(held.browserId(), session.id());
        }
    }

    private List<ObjectNode> takeEvents(BayeuxSession session, ObjectNode connectReply) {
        List<ObjectNode> events = session.drain();
        if (session.acknowledged()) {
            connectReply.putObject("ext").put("ack", session.unacknowledged().send(events));
        }
        return events;
    }

    private void offer(BayeuxSession session, ObjectNode message) {
        if (session.closed() || !session.isSubscribedTo(message.get("channel").asText())) {
            return;
        }
        session.enqueue(message);
        // Wake the held connect on the next turn, so that a burst of deliveries leaves in one reply.
        if (session.held() != null && session.scheduleFlush()) {
            session.context().runOnContext(v -> {
                session.flushed();
                answerHeldConnect(session);
            });
        }
    }

    private void subscribe(BayeuxSession session, ObjectNode message, BayeuxExchange exchange) {
        Optional<List<ChannelPattern>> patterns = subscriptionPatterns(message, SUBSCRIBE, exchange);
        if (patterns.isEmpty()) {
            return;
        }
        if (patterns.get().stream().anyMatch(ChannelPattern::isMeta)) {
            exchange.reply(withSubscription(failure(message, SUBSCRIBE, BayeuxError.SUBSCRIBE_FAILED), message));
            return;
        }
        // Bayeux: /service/** subscriptions succeed but are not recorded; nothing is ever broadcast there.
        patterns.get().stream().filter(pattern -> !pattern.isService()).forEach(session::subscribe);
        exchange.reply(withSubscription(reply(message, SUBSCRIBE).put("successful", true), message));
    }

    private void unsubscribe(BayeuxSession session, ObjectNode message, BayeuxExchange exchange) {
        Optional<List<ChannelPattern>> patterns = subscriptionPatterns(message, UNSUBSCRIBE, exchange);
        if (patterns.isPresent()) {
            patterns.get().forEach(pattern -> session.unsubscribe(pattern.value()));
            exchange.reply(withSubscription(reply(message, UNSUBSCRIBE).put("successful", true), message));
        }
    }

    /** The patterns of a (un)subscribe, or empty after answering why there are none. */
    private static Optional<List<ChannelPattern>> subscriptionPatterns(ObjectNode message, String channel, BayeuxExchange exchange) {
        JsonNode subscription = message.path("subscription");
        List<JsonNode> values = new ArrayList<>();
        if (subscription.isArray()) {
            subscription.elements().forEachRemaining(values::add);
        } else {
            values.add(subscription);
        }
        if (subscription.isMissingNode() || subscription.isNull() || values.isEmpty()) {
            exchange.reply(failure(message, channel, BayeuxError.SUBSCRIPTION_MISSING));
            return Optional.empty();
        }
        List<Optional<ChannelPattern>> parsed = values.stream()
                .map(value -> value.isTextual() ? ChannelPattern.parse(value.asText()) : Optional.<ChannelPattern>empty())
                .toList();
        if (parsed.stream().anyMatch(Optional::isEmpty)) {
            exchange.reply(withSubscription(failure(message, channel, BayeuxError.SUBSCRIPTION_INVALID), message));
            return Optional.empty();
        }
        return Optional.of(parsed.stream().map(Optional::orElseThrow).toList());
    }

    private void disconnect(BayeuxSession session, ObjectNode message, BayeuxExchange exchange) {
        close(session);
        answerHeldConnectEmpty(session, NODES.objectNode().put("reconnect", "none"));
        exchange.reply(reply(message, DISCONNECT).put("successful", true));
        Log.debugf("Bayeux session %s disconnected", session.id());
    }

    /** Clients may publish only on /service/** (answered, and going nowhere); notifications come from the server alone. */
    private static ObjectNode publish(ObjectNode message, String channel) {
        if (ChannelPattern.isService(channel) && ChannelPattern.isValidName(channel)) {
            return reply(message, channel).put("successful", true);
        }
        return failure(message, channel, BayeuxError.PUBLISH_DENIED);
    }

    /** Hands each session that has gone longer than maxInterval without a connect to its own context to expire. */
    private void expireIdleSessions() {
        long now = System.nanoTime();
        for (BayeuxSession session : sessions.values()) {
            if (session.isIdleLongerThan(now, config.maxInterval())) {
                session.context().runOnContext(v -> expireIfIdle(session));
            }
        }
    }

    /** On the session's context: looked at again there, as a connect may have come in since. */
    private void expireIfIdle(BayeuxSession session) {
        if (session.isIdleLongerThan(System.nanoTime(), config.maxInterval())) {
            close(session);
            Log.debugf("Bayeux session %s of user %s expired", session.id(), session.principal().userId());
        }
    }

    private void close(BayeuxSession session) {
        session.close();
        sessions.remove(session.id());
        sessionsByUser.computeIfPresent(session.principal().userId(), (user, userSessions) -> {
            userSessions.remove(session);
            return userSessions.isEmpty() ? null : userSessions;
        });
    }

    private ObjectNode advice() {
        return NODES.objectNode().put("reconnect", "retry").put("interval", config.interval()).put("timeout", config.timeout());
    }

    private static boolean acknowledgementsRequested(ObjectNode handshake) {
        return handshake.path("ext").path("ack").asBoolean(false);
    }

    /** The timeout the client asks for in its own advice, or -1. */
    private static long clientAdviceTimeout(ObjectNode connect) {
        JsonNode timeout = connect.path("advice").path("timeout");
        return timeout.isNumber() ? Math.max(0, timeout.asLong()) : -1;
    }

    private static ObjectNode reply(ObjectNode message, String channel) {
        ObjectNode reply = NODES.objectNode();
        if (channel != null) {
            reply.put("channel", channel);
        }
        if (message.hasNonNull("id")) {
            reply.set("id", message.get("id"));
        }
        return reply;
    }

    private static ObjectNode failure(ObjectNode message, String channel, BayeuxError error) {
        return reply(message, channel).put("successful", false).put("error", error.text());
    }

    private static ObjectNode withSubscription(ObjectNode reply, ObjectNode message) {
        if (message.has("subscription")) {
            reply.set("subscription", message.get("subscription"));
        }
        return reply;
    }

    /** CometD 3: the handshake and connect replies of an unknown session also advise a new handshake. */
    private static ObjectNode unknownClient(ObjectNode message, String channel) {
        ObjectNode reply = failure(message, channel, BayeuxError.UNKNOWN_CLIENT);
        if (CONNECT.equals(channel) || HANDSHAKE.equals(channel)) {
            reply.putObject("advice").put("reconnect", "handshake").put("interval", 0);
        }
        return reply;
    }

    private static String text(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** 128 random bits, alphanumeric (Bayeux: a clientId is alphanumeric, unguessable and never reused). */
    private static String randomId() {
        return new BigInteger(1, RandomIds.bytes(16)).toString(36);
    }
}
