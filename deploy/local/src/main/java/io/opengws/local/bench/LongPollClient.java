package io.opengws.local.bench;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One CometD long-polling session speaking raw Bayeux (handshake, subscribe, connect loop), as a desktop
 * does, on a shared non-blocking Vert.x client: thousands of them hold no thread each.
 * <p>
 * Every request of a session starts on the session's own Vert.x context, never on the caller's thread: a
 * response whose body handler is set up from another thread can lose its body to the event loop that is
 * already reading it (an HTTP 200 with a content-length and an empty body, once in a few runs).
 */
final class LongPollClient {

    private static final String SENT_AT = "\"benchSentAtNanos\":";

    private final HttpClient http;
    private final Context context;
    private final String host;
    private final int port;
    private final String authorization;
    private final Consumer<String> onReply;
    private final Runnable onError;
    private String subscription;
    private String clientId;
    private Buffer connectBody;
    private long nextId = 1;
    private volatile boolean running = true;
    private volatile boolean connected;

    LongPollClient(Vertx vertx, HttpClient http, String host, int port, String authorization, Consumer<String> onReply, Runnable onError) {
        this.http = http;
        // From a thread outside Vert.x, each call makes a new context, on the next event loop in turn.
        this.context = vertx.getOrCreateContext();
        this.host = host;
        this.port = port;
        this.authorization = authorization;
        this.onReply = onReply;
        this.onError = onError;
    }

    /** Handshake and subscribe; completes when the first connect has answered. */
    Future<Void> start(String subscription) {
        this.subscription = subscription;
        return onContext(() -> handshakeAndSubscribe().compose(reply -> connect(true)).mapEmpty());
    }

    /** Also after the server forgot the session (advice reconnect=handshake), as CometD clients do. */
    private Future<JsonNode> handshakeAndSubscribe() {
        clientId = null;
        connectBody = null;
        ObjectNode handshake = message("/meta/handshake");
        handshake.put("version", "1.0");
        handshake.putArray("supportedConnectionTypes").add("long-polling");
        return send("/handshake", handshake).compose(reply -> {
            JsonNode first = reply.path(0);
            if (!first.path("successful").asBoolean()) {
                return Future.failedFuture("handshake refused: " + reply);
            }
            clientId = first.path("clientId").asText();
            ObjectNode subscribe = message("/meta/subscribe");
            subscribe.put("subscription", subscription);
            return send("/subscribe", subscribe);
        });
    }

    /** The send times stamped into the events of a connect reply, scanned, not parsed: the load generator
     * must leave the CPU to the system it measures. */
    static void scanSentAt(String reply, LongConsumer onEventSentAt) {
        int at = reply.indexOf(SENT_AT);
        while (at >= 0) {
            int start = at + SENT_AT.length();
            int end = start;
            while (end < reply.length() && Character.isDigit(reply.charAt(end))) {
                end++;
            }
            onEventSentAt.accept(Long.parseLong(reply, start, end, 10));
            at = reply.indexOf(SENT_AT, end);
        }
    }

    boolean isConnected() {
        return connected;
    }

    /**
     * As desktops leave at the end of a run: the server forgets the sessions now, not after maxInterval, so
     * that runs do not pile up on it. Waits up to 30 s; what did not disconnect by then expires on the server.
     */
    static void disconnectAll(java.util.List<LongPollClient> clients) {
        java.util.List<Future<Void>> disconnected = clients.stream().map(LongPollClient::disconnect).toList();
        try {
            Future.join(disconnected).toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception slow) {
            // Left to expire.
        }
    }

    /** Stops the connect loop and ends the session on the server; completes either way. */
    Future<Void> disconnect() {
        running = false;
        if (clientId == null) {
            return Future.succeededFuture();
        }
        return onContext(() -> sendRaw("/disconnect", message("/meta/disconnect")).<Void>mapEmpty().otherwiseEmpty());
    }

    private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        context.runOnContext(ignored -> work.get().onComplete(done));
        return done.future();
    }

    private Future<String> connect(boolean first) {
        ObjectNode connect = message("/meta/connect");
        connect.put("connectionType", "long-polling");
        if (first) {
            connect.putObject("advice").put("timeout", 0);
        }
        // Later connects are the same bytes every time (Bayeux ids are optional): written once, reused.
        Buffer body = first ? Buffer.buffer(BenchApi.JSON.createArrayNode().add(connect).toString()) : nextConnect();
        return post("/connect", body, false).onSuccess(reply -> {
            onReply.accept(reply);
            connected = reply.contains("\"/meta/connect\"") && reply.contains("\"successful\":true");
            if (!running) {
                return;
            }
            if (reply.contains("\"reconnect\":\"handshake\"")) {
                startOver();
            } else {
                connect(false);
            }
        }).onFailure(failure -> {
            connected = false;
            onError.run();
            if (running) {
                connect(false);
            }
        });
    }

    /**
     * The session expired on the server (no connect for maxInterval): what it held for this client is lost, which
     * counts as an error; the client starts a new session, as a desktop would, and tries again a second later if
     * that fails.
     */
    private void startOver() {
        onError.run();
        handshakeAndSubscribe().onComplete(subscribed -> {
            if (!running) {
                return;
            }
            if (subscribed.succeeded()) {
                connect(true);
            } else {
                context.owner().setTimer(1000, ignored -> startOver());
            }
        });
    }

    private ObjectNode message(String channel) {
        ObjectNode message = BenchApi.JSON.createObjectNode();
        message.put("channel", channel);
        message.put("id", Long.toString(nextId++));
        if (clientId != null) {
            message.put("clientId", clientId);
        }
        return message;
    }

    private Future<JsonNode> send(String suffix, ObjectNode message) {
        return sendRaw(suffix, message).map(body -> {
            try {
                return BenchApi.JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        });
    }

    private Buffer nextConnect() {
        if (connectBody == null) {
            connectBody = Buffer.buffer("[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                    + "\",\"connectionType\":\"long-polling\"}]");
        }
        return connectBody;
    }

    private Future<String> sendRaw(String suffix, ObjectNode message) {
        return post(suffix, Buffer.buffer(BenchApi.JSON.createArrayNode().add(message).toString()), true);
    }

    /** A connect needs no client-side timeout: the server answers it within its own. */
    private Future<String> post(String suffix, Buffer body, boolean withTimeout) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/v2/notifications" + suffix)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Authorization", authorization);
        if (withTimeout) {
            options.setTimeout(120_000);
        }
        return http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(reply -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + reply);
                    }
                    if (reply.length() == 0) {
                        // Never a Bayeux answer: what came, to find who sent it.
                        throw new IllegalStateException("an empty HTTP 200 to " + suffix + ", headers " + response.headers().entries());
                    }
                    return reply.toString();
                }));
    }
}
