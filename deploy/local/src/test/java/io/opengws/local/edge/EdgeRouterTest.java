package io.opengws.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The edge against real HTTP back ends standing in for the services. */
class EdgeRouterTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer voice;
    private HttpServer notification;
    private EdgeRouter edge;
    private int unusedPort;
    private final CountDownLatch releaseLongPoll = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        voice = backend("voice");
        notification = backend("notification");
        notification.createContext("/api/v2/notifications", this::holdLongPoll);
        notification.createContext("/api/v2/notifications/broken", EdgeRouterTest::breakOffTheAnswer);
        unusedPort = freePort();
        edge = EdgeRouter.start(freePort(), RouteTable.load(), Map.of(
                "voice-service", voice.getAddress().getPort(),
                "notification-service", notification.getAddress().getPort(),
                "chat-service", unusedPort));
    }

    @AfterEach
    void stop() {
        releaseLongPoll.countDown();
        edge.close();
        voice.stop(0);
        notification.stop(0);
    }

    @Test
    void forwardsEachPathToItsServiceWithTheForwardedHeaders() throws Exception {
        HttpResponse<String> response = get("/api/v2/me/devices?fields=*");
        assertEquals(200, response.statusCode());
        assertEquals("voice GET /api/v2/me/devices?fields=* host=localhost:" + edge.port() + " proto=http for=127.0.0.1", response.body());
        assertEquals("notification GET /api/v2/me host=localhost:" + edge.port() + " proto=http for=127.0.0.1", get("/api/v2/me").body());
    }

    @Test
    void streamsRequestBodiesWhole() throws Exception {
        byte[] body = new byte[300_000];
        java.util.Arrays.fill(body, (byte) 'x');
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/v2/devices"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("voice POST /api/v2/devices read " + body.length + " bytes", response.body());
    }

    @Test
    void aHeldLongPollReachesTheClientAsItIsWrittenNotWhenItEnds() throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri("/api/v2/notifications/connect"))
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] first = new byte["[first]".length()];
        int read = response.body().readNBytes(first, 0, first.length);
        // The back end has not finished: it waits for the latch this test only releases now.
        assertEquals("[first]", new String(first, 0, read, StandardCharsets.UTF_8));
        releaseLongPoll.countDown();
        assertEquals("[second]", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerTheServiceBreaksOffIsAFailureForTheClientNotAShortAnswer() {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v2/notifications/broken")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("[]")).build();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aServiceThatDoesNotAnswerGetsAGws503() throws Exception {
        HttpResponse<String> response = get("/api/v2/me/chats");
        assertEquals(503, response.statusCode());
        assertEquals("{\"statusCode\":4,\"statusMessage\":\"The chat-service is not available at this time; try again shortly.\"}", response.body());
    }

    @Test
    void aPathNoServiceServesGetsAGws404() throws Exception {
        HttpResponse<String> response = get("/api/v2/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("{\"statusCode\":6,\"statusMessage\":\"There is no resource at /api/v2/no-such-thing.\"}", response.body());
        assertEquals(404, get("/index.html").statusCode());
    }

    @Test
    void healthIsUpOnlyWhenEveryServiceIsReady() throws Exception {
        HttpResponse<String> response = get("/q/health");
        assertEquals(503, response.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"services\":{\"chat-service\":\"DOWN\",\"notification-service\":\"UP\",\"voice-service\":\"UP\"}}",
                sortedServices(response.body()));
    }

    @Test
    void aServicesManagementPathsAreReachableUnderItsName() throws Exception {
        HttpResponse<String> response = get("/voice-service/q/metrics");
        assertEquals("voice GET /q/metrics host=localhost:" + edge.port() + " proto=http for=127.0.0.1", response.body());
    }

    /** Promises 100 bytes, writes 8 and closes the connection. */
    private static void breakOffTheAnswer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, 100);
        exchange.getResponseBody().write("[partial".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        exchange.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + edge.port() + path);
    }

    private static String sortedServices(String body) {
        // The edge keeps no particular order of services; compare them sorted.
        String inner = body.substring(body.indexOf("{\"", body.indexOf("services")) + 1, body.lastIndexOf("}}"));
        String sorted = String.join(",", new java.util.TreeSet<>(java.util.List.of(inner.split(","))));
        return body.substring(0, body.indexOf("services") + "services\":{".length()) + sorted + "}}";
    }

    private static HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            String answer;
            if (path.equals("/q/health/ready")) {
                answer = "{\"status\":\"UP\"}";
            } else if (exchange.getRequestMethod().equals("POST")) {
                answer = name + " POST " + path + " read " + exchange.getRequestBody().readAllBytes().length + " bytes";
            } else {
                answer = name + " " + exchange.getRequestMethod() + " " + path
                        + " host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                        + " proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                        + " for=" + exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            }
            respond(exchange, answer);
        });
        server.start();
        return server;
    }

    private void holdLongPoll(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("[first]".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (!releaseLongPoll.await(20, TimeUnit.SECONDS)) {
                return;
            }
            out.write("[second]".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
