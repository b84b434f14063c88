package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bayeux over plain HTTP, like the acceptance suite's raw-bayeux.mjs: one simulated browser with its own
 * cookies (BAYEUX_BROWSER), optionally Basic credentials on every request.
 */
public final class RawBayeux {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One POST: its HTTP status, the parsed replies (null when the body is not a JSON array) and how long it took. */
    public record Exchange(int status, ArrayNode replies, String body, long elapsedMillis, HttpResponse<String> response) {

        /** The reply on {@code channel}; fails when there is none. */
        public ObjectNode replyOn(String channel) {
            assertEquals(200, status, () -> "HTTP status of " + body);
            assertNotNull(replies, () -> "not a JSON array: " + body);
            for (JsonNode reply : replies) {
                if (channel.equals(reply.path("channel").asText())) {
                    return (ObjectNode) reply;
                }
            }
            throw new AssertionError("no reply on " + channel + " in " + body);
        }

        /** Delivered events: messages that are not /meta/ replies and carry data. */
        public List<ObjectNode> events() {
            List<ObjectNode> events = new ArrayList<>();
            if (replies != null) {
                for (JsonNode message : replies) {
                    if (!message.path("channel").asText().startsWith("/meta/") && message.has("data")) {
                        events.add((ObjectNode) message);
                    }
                }
            }
            return events;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String authorization;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    public RawBayeux(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public String nextId() {
        return String.valueOf(nextId.getAndIncrement());
    }

    public Exchange post(String suffix, String body) {
        try {
            return postAsync(suffix, body).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** Sent as a stream: chunked, with no Content-Length. */
    public Exchange postChunked(String suffix, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(suffix, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).join();
    }

    public CompletableFuture<Exchange> postAsync(String suffix, String body) {
        return send(suffix, HttpRequest.BodyPublishers.ofString(body));
    }

    private CompletableFuture<Exchange> send(String suffix, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + suffix))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
        }
        long started = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            synchronized (cookies) {
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    String pair = cookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                    }
                }
            }
            return new Exchange(response.statusCode(), parse(response.body()), response.body(), elapsed, response);
        });
    }

    public Exchange post(String suffix, ObjectNode... messages) {
        ArrayNode batch = JSON.createArrayNode();
        for (ObjectNode message : messages) {
            batch.add(message);
        }
        return post(suffix, batch.toString());
    }

    public ObjectNode message(String channel) {
        return JSON.createObjectNode().put("id", nextId()).put("channel", channel);
    }

    public ObjectNode handshakeMessage() {
        ObjectNode handshake = message("/meta/handshake").put("version", "1.0").put("minimumVersion", "1.0");
        handshake.putArray("supportedConnectionTypes").add("long-polling");
        return handshake;
    }

    public ObjectNode connectMessage(String clientId, Long adviceTimeout) {
        ObjectNode connect = message("/meta/connect").put("clientId", clientId).put("connectionType", "long-polling");
        if (adviceTimeout != null) {
            connect.putObject("advice").put("timeout", adviceTimeout);
        }
        return connect;
    }

    public ObjectNode subscribeMessage(String clientId, String subscription) {
        return message("/meta/subscribe").put("clientId", clientId).put("subscription", subscription);
    }

    /** A successful handshake; its clientId. */
    public String handshake() {
        ObjectNode reply = post("", handshakeMessage()).replyOn("/meta/handshake");
        assertTrue(reply.path("successful").asBoolean(), () -> "handshake refused: " + reply);
        return reply.path("clientId").asText();
    }

    public Exchange connect(String clientId, Long adviceTimeout) {
        return post("", connectMessage(clientId, adviceTimeout));
    }

    public CompletableFuture<Exchange> connectAsync(String clientId, Long adviceTimeout) {
        return postAsync("", JSON.createArrayNode().add(connectMessage(clientId, adviceTimeout)).toString());
    }

    /** Handshake, the immediate first connect, and a successful subscription: a client ready to receive. */
    public String connectedAndSubscribed(String subscription) {
        String clientId = handshake();
        assertTrue(connect(clientId, 0L).replyOn("/meta/connect").path("successful").asBoolean());
        ObjectNode subscribed = post("", subscribeMessage(clientId, subscription)).replyOn("/meta/subscribe");
        assertTrue(subscribed.path("successful").asBoolean(), () -> "subscribe refused: " + subscribed);
        return clientId;
    }

    /** Connects (each held at most {@code holdMillis}) until events arrive or {@code withinMillis} pass. */
    public List<ObjectNode> eventsWithin(String clientId, long withinMillis, long holdMillis) {
        long deadline = System.currentTimeMillis() + withinMillis;
        List<ObjectNode> events = new ArrayList<>();
        while (events.isEmpty() && System.currentTimeMillis() < deadline) {
            Exchange result = connect(clientId, holdMillis);
            assertTrue(result.replyOn("/meta/connect").path("successful").asBoolean(), result::body);
            events.addAll(result.events());
        }
        return events;
    }

    private static ArrayNode parse(String body) {
        try {
            JsonNode parsed = JSON.readTree(body);
            return parsed instanceof ArrayNode array ? array : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
