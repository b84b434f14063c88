package io.opengws.local.bench;

import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One CometD long-polling session speaking raw Bayeux (handshake, subscribe, connect loop), as a desktop
 * does, on a shared non-blocking Vert.x client: thousands of them hold no thread each.
 */
final class LongPollClient {

    private static final String SENT_AT = "\"benchSentAtNanos\":";

    private final HttpClient http;
    private final String host;
    private final int port;
    private final String authorization;
    private final LongConsumer onEventSentAt;
    private final Runnable onError;
    private String clientId;
    private long nextId = 1;
    private volatile boolean running = true;
    private volatile boolean connected;

    LongPollClient(HttpClient http, String host, int port, String authorization, LongConsumer onEventSentAt, Runnable onError) {
        this.http = http;
        this.host = host;
        this.port = port;
        this.authorization = authorization;
        this.onEventSentAt = onEventSentAt;
        this.onError = onError;
    }

    /** Handshake and subscribe; completes when the first connect has answered. */
    Future<Void> start(String subscription) {
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
        }).compose(reply -> connect(true)).mapEmpty();
    }

    boolean isConnected() {
        return connected;
    }

    void stop() {
        running = false;
    }

    private Future<String> connect(boolean first) {
        ObjectNode connect = message("/meta/connect");
        connect.put("connectionType", "long-polling");
        if (first) {
            connect.putObject("advice").put("timeout", 0);
        }
        return sendRaw("/connect", connect).onSuccess(reply -> {
            // Scanned, not parsed: the load generator must leave the CPU to the system it measures.
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
            connected = reply.contains("\"/meta/connect\"") && reply.contains("\"successful\":true");
            if (running) {
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

    private Future<String> sendRaw(String suffix, ObjectNode message) {
        ArrayNode batch = BenchApi.JSON.createArrayNode().add(message);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/v2/notifications" + suffix).setTimeout(120_000)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Authorization", authorization);
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(batch.toString())))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + body);
                    }
                    return body.toString();
                }));
    }
}
