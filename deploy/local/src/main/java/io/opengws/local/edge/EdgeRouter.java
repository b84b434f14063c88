package io.opengws.local.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opengws.local.LocalVertx;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The one public origin of a local system: routes each {@code /api/v2/...} request to its service by the
 * {@link RouteTable}, streaming bodies both ways (a held CometD long-poll is never buffered), with the
 * {@code X-Forwarded-*} headers that let services build URIs on the public origin. A service that does not
 * answer gets a GWS 503 (statusCode 4); a path no service serves gets a GWS 404 (statusCode 6).
 * <p>
 * Besides the API: {@code /q/health} answers the readiness of every service at once, and
 * {@code /{service}/q/...} reaches one service's {@code /q/...} (health, metrics, OpenAPI).
 */
public final class EdgeRouter implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final RouteTable routes;
    private final Map<String, Integer> servicePorts;
    private final HttpClient client;
    private HttpServer server;

    private EdgeRouter(Vertx vertx, RouteTable routes, Map<String, Integer> servicePorts) {
        this.vertx = vertx;
        this.routes = routes;
        this.servicePorts = Map.copyOf(servicePorts);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setKeepAlive(true)
                // Idle connections to a service are kept, not closed after a minute: reopened at the next burst, they
                // took paths the edge's compiled code had not seen since the warm-up (BenchApi#desktops).
                .setKeepAliveTimeout(0)
                .setDecompressionSupported(false),
                // Every waiting long-poll holds one connection to its service.
                new PoolOptions().setHttp1MaxSize(20_000));
    }

    /** Starts listening on {@code port}; {@code servicePorts} maps each service name to its local port. */
    public static EdgeRouter start(int port, RouteTable routes, Map<String, Integer> servicePorts) {
        EdgeRouter edge = new EdgeRouter(LocalVertx.create(), routes, servicePorts);
        edge.server = edge.vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("0.0.0.0").setIdleTimeout(0))
                .requestHandler(edge::handle);
        try {
            edge.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            edge.close();
            throw new IllegalStateException("The edge could not listen on port " + port + ": " + e.getMessage(), e);
        }
        return edge;
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health") || path.equals("/q/health/ready")) {
            answerHealth(request);
            return;
        }
        Optional<String> managed = managementTarget(path);
        if (managed.isPresent()) {
            String service = managed.get();
            proxy(request, service, request.uri().substring(service.length() + 1));
            return;
        }
        Optional<String> service = routes.serviceFor(path);
        if (service.isEmpty() || !servicePorts.containsKey(service.get())) {
            answer(request.response(), 404, 6, "There is no resource at " + path + ".");
            return;
        }
        proxy(request, service.get(), request.uri());
    }

    /** {@code /voice-service/q/health} → voice-service. */
    private Optional<String> managementTarget(String path) {
        int second = path.indexOf('/', 1);
        if (second < 0 || !path.startsWith("/q/", second)) {
            return Optional.empty();
        }
        String service = path.substring(1, second);
        return servicePorts.containsKey(service) ? Optional.of(service) : Optional.empty();
    }

    private void proxy(HttpServerRequest request, String service, String uri) {
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost("localhost")
                .setPort(servicePorts.get(service))
                .setURI(uri)
                .setHeaders(forwardedHeaders(request));
        client.request(options)
                .compose(upstream -> upstream.send(request))
                .onSuccess(upstream -> relay(upstream, request.response()))
                .onFailure(failure -> {
                    HttpServerResponse response = request.response();
                    if (response.headWritten()) {
                        response.reset();
                    } else {
                        request.resume();
                        answer(response, 503, 4, "The " + service + " is not available at this time; try again shortly.");
                    }
                });
    }

    private static void relay(HttpClientResponse upstream, HttpServerResponse response) {
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!response.headers().contains("content-length")) {
            response.setChunked(true);
        }
        // A service that fails in the middle of its answer must not look like a short, complete one (a pipe ends
        // its destination cleanly by default): the client's connection is reset, so that it sees the failure.
        upstream.pipe().endOnFailure(false).to(response).onFailure(failure -> response.reset());
    }

    private static MultiMap forwardedHeaders(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        String host = request.authority() != null ? request.authority().toString() : request.headers().get("host");
        if (host != null && !headers.contains("x-forwarded-host")) {
            headers.set("X-Forwarded-Host", host);
        }
        if (!headers.contains("x-forwarded-proto")) {
            headers.set("X-Forwarded-Proto", request.scheme());
        }
        String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (client != null) {
            String earlier = headers.get("x-forwarded-for");
            headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        }
        return headers;
    }

    /** Every service's readiness: 200 when all are UP, else 503, with each service's state. */
    private void answerHealth(HttpServerRequest request) {
        Map<String, Future<String>> states = new LinkedHashMap<>();
        servicePorts.forEach((service, port) -> states.put(service, readiness(port)));
        Future.join(states.values().stream().map(f -> (Future<?>) f).toList()).onComplete(ignored -> {
            Map<String, String> services = new LinkedHashMap<>();
            states.forEach((service, state) -> services.put(service, state.succeeded() ? state.result() : "DOWN"));
            boolean up = services.values().stream().allMatch("UP"::equals);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            body.put("services", services);
            write(request.response(), up ? 200 : 503, body);
        });
    }

    private Future<String> readiness(int port) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port)
                        .setURI("/q/health/ready").setTimeout(3000))
                .compose(req -> req.send())
                .map(response -> response.statusCode() == 200 ? "UP" : "DOWN");
    }

    private static void answer(HttpServerResponse response, int httpStatus, int statusCode, String statusMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", statusCode);
        body.put("statusMessage", statusMessage);
        write(response, httpStatus, body);
    }

    private static void write(HttpServerResponse response, int httpStatus, Object body) {
        try {
            response.setStatusCode(httpStatus).putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            response.setStatusCode(500).end();
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = vertx.close().toCompletionStage().toCompletableFuture();
        try {
            closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
