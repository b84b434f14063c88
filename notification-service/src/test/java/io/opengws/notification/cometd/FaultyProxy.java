package io.opengws.notification.cometd;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * An HTTP proxy in front of the service that can lose what the network loses: it forwards every request, and
 * on demand closes the client's connection instead of passing on a response (the server believes it was
 * delivered), or answers 503 without asking the server at all.
 */
final class FaultyProxy implements AutoCloseable {

    enum Fault {
        NONE,
        /** The next response whose body contains the marker is dropped by closing the connection. */
        DROP_RESPONSE_WITH_MARKER,
        /** Every /meta/connect is answered 503 by the proxy: the server sees no connect at all. */
        REFUSE_CONNECTS
    }

    private final HttpClient client;
    private final HttpServer server;
    private final int targetPort;
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String marker = "";

    FaultyProxy(Vertx vertx, URI target) throws Exception {
        this.targetPort = target.getPort();
        this.client = vertx.createHttpClient();
        this.server = vertx.createHttpServer().requestHandler(this::forward).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The same path as {@code target}, through this proxy. */
    String url(URI target) {
        return "http://127.0.0.1:" + server.actualPort() + target.getPath();
    }

    void dropNextResponseContaining(String text) {
        marker = text;
        fault.set(Fault.DROP_RESPONSE_WITH_MARKER);
    }

    void refuseConnects(boolean refuse) {
        fault.set(refuse ? Fault.REFUSE_CONNECTS : Fault.NONE);
    }

    int dropped() {
        return dropped.get();
    }

    int refused() {
        return refused.get();
    }

    private void forward(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (fault.get() == Fault.REFUSE_CONNECTS && body.toString().contains("\"/meta/connect\"")) {
                refused.incrementAndGet();
                request.response().setStatusCode(503).end();
                return;
            }
            RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("localhost")
                    .setPort(targetPort).setURI(request.uri()).setHeaders(withoutHopHeaders(request.headers()));
            client.request(options)
                    .compose(outgoing -> outgoing.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response, answer)))
                    .onSuccess(answer -> answer(request, answer))
                    .onFailure(failure -> request.response().setStatusCode(502).end());
        });
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private void answer(HttpServerRequest request, Answer answer) {
        if (fault.get() == Fault.DROP_RESPONSE_WITH_MARKER && answer.body().toString().contains(marker)
                && fault.compareAndSet(Fault.DROP_RESPONSE_WITH_MARKER, Fault.NONE)) {
            dropped.incrementAndGet();
            request.connection().close();
            return;
        }
        request.response().setStatusCode(answer.response().statusCode())
                .headers().setAll(withoutHopHeaders(answer.response().headers()));
        request.response().end(answer.body());
    }

    private static MultiMap withoutHopHeaders(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap().addAll(headers);
        copy.remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.TRANSFER_ENCODING).remove(HttpHeaders.CONNECTION)
                .remove(HttpHeaders.HOST);
        return copy;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.close();
    }
}
