package io.opengws.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/** The provisioning calls a benchmark needs, through the public API as an operator makes them. */
final class BenchApi {

    static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1 as desktops use it; over h2c hundreds of concurrent requests hit the stream limit.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    /** The Authorization of each user whose session {@link #startSession} started (set-ups start them from a pool). */
    private final java.util.Queue<String> sessionsStarted = new java.util.concurrent.ConcurrentLinkedQueue<>();

    BenchApi(String origin) {
        this.origin = origin;
    }

    /** {@code --name value} pairs over {@code defaults}; an unknown name is refused with the known ones. */
    static Map<String, Integer> integerOptions(java.util.List<String> arguments, Map<String, Integer> defaults) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>(defaults);
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
            String name = arguments.get(i).replaceFirst("^--", "");
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; options: " + values.keySet());
            }
            values.put(name, Integer.parseInt(arguments.get(i + 1)));
        }
        return values;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode post(String path, String authorization, Map<String, Object> body) throws Exception {
        return post(path, Map.of("Authorization", authorization), body);
    }

    /** A POST with these headers (the Customer Chat API has no credentials, only {@code ContactCenterId}). */
    JsonNode post(String path, Map<String, String> headers, Map<String, Object> body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.path("statusCode").asInt(-1) != 0) {
            throw new IllegalStateException("POST " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return answer;
    }

    /**
     * Starts the user's contact-center session on one channel (retried: the channel services learn of new users
     * through Kafka) and remembers it for {@link #endSessions}.
     */
    void startSession(String authorization, String channel) throws Exception {
        eventually(() -> post("/api/v2/me", authorization, Map.of("operationName", "StartContactCenterSession", "channels", java.util.List.of(channel))));
        sessionsStarted.add(authorization);
    }

    /**
     * Ends every session {@link #startSession} started, as desktops log out (after their CometD disconnect, so no
     * revocation is pushed to them). Left to expire, a run's sessions all ended in one expiry check half an hour
     * after they started, and ending all its chats at once was the worst second of whatever run measured then.
     * Best effort: a session not ended here still expires.
     */
    void endSessions() {
        for (String authorization = sessionsStarted.poll(); authorization != null; authorization = sessionsStarted.poll()) {
            try {
                post("/api/v2/me", authorization, Map.of("operationName", "EndContactCenterSession"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception notEnded) {
                // Left to expire.
            }
        }
    }

    /**
     * The HTTP client of a benchmark's desktops, at most {@code maxConnections} connections to the edge. Idle connections
     * are kept, not closed after Vert.x's default minute, as a desktop keeps its own: a connection the pool opens in a
     * burst (after a stall) and closes when it has been idle a minute is opened again at the next burst, and a new
     * connection takes paths that the compiled code of the load generator, the edge and the service has not seen since
     * the warm-up (uncommon traps in Netty's write path, then compilation in all three at once). In one chat run the only
     * new connections after t=60 s came in its worst second.
     */
    static io.vertx.core.http.HttpClient desktops(Vertx vertx, int maxConnections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(0).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /**
     * A POST from the load generator's event loop (no thread waits for it); fails unless the answer is HTTP 200
     * with GWS statusCode 0. The answer is checked by a scan, not parsed: the generator shares the machine.
     */
    static Future<String> postAsync(io.vertx.core.http.HttpClient http, int port, String uri, String authorization, String body) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost").setPort(port)
                .setURI(uri).setTimeout(30_000)
                .putHeader("Content-Type", "application/json").putHeader("Authorization", authorization);
        return http.request(request)
                .compose(sending -> sending.send(body))
                .compose(response -> response.body().map(answer -> {
                    String text = answer.toString();
                    if (response.statusCode() != 200 || !text.contains("\"statusCode\":0")) {
                        throw new IllegalStateException("POST " + uri + " answered HTTP " + response.statusCode() + ": " + text);
                    }
                    return text;
                }));
    }

    /** Runs {@code action} on the event loop at {@code dueNanos} ({@link System#nanoTime}), or at once if that has passed. */
    static void at(Vertx vertx, long dueNanos, Runnable action) {
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(dueNanos - System.nanoTime())), ignored -> action.run());
    }

    interface Attempt<T> {
        T run() throws Exception;
    }

    /** The channel services learn of new users and sessions through Kafka: retry for a while. */
    static <T> T eventually(Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return attempt.run();
            } catch (IllegalStateException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A contact center of the benchmark's own with an admin of it: its id and the admin's Authorization. */
    record ContactCenter(String id, String admin, String tag) {
    }

    ContactCenter contactCenter(String cloudAdmin, String kind, java.util.List<String> features, Map<String, Object> settings) throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", "bench-" + kind + "-" + tag, "features", features));
        if (!settings.isEmpty()) {
            body.put("settings", settings);
        }
        String center = post("/api/v2/contact-centers", cloudAdmin, body).path("id").asText();
        String adminName = "bench-" + tag + "-admin@bench.local";
        String adminSecret = "bench-" + java.util.UUID.randomUUID();
        post("/api/v2/users", cloudAdmin, Map.of("userName", adminName, "password", adminSecret, "firstName", "Bench", "lastName", "Admin",
                "roles", java.util.List.of("ROLE_ADMIN"), "contactCenterId", center));
        return new ContactCenter(center, basic(adminName, adminSecret), tag);
    }

    /** A user of the contact center: its id and its Authorization. */
    record User(String id, String authorization) {
    }

    User user(ContactCenter center, String name, boolean supervisor) throws Exception {
        String userName = "bench-" + center.tag() + "-" + name + "@bench.local";
        String password = "bench-" + java.util.UUID.randomUUID();
        java.util.List<String> roles = supervisor ? java.util.List.of("ROLE_AGENT", "ROLE_SUPERVISOR") : java.util.List.of("ROLE_AGENT");
        String id = post("/api/v2/users", center.admin(), Map.of("userName", userName, "password", password, "firstName", "Bench",
                "lastName", "User", "roles", roles)).path("id").asText();
        return new User(id, basic(userName, password));
    }
}
