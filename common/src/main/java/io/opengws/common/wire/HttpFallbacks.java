package io.opengws.common.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the HTTP layer does before or after JAX-RS: an oversize body is refused with 413 and a GWS body
 * before it is read, a body is read whole before the resource method runs, a failure Vert.x raises itself
 * gets a GWS body, and a path no resource serves gets a GWS 404 instead of the default HTML page.
 */
@ApplicationScoped
public class HttpFallbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** After routes that read their body themselves (the Bayeux routes, at -100), before Quarkus REST (10000). */
    static final int READ_BODY_ORDER = -50;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpFallbacks::refuseOversizeBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpFallbacks::answerFailure);
        // The whole body is read on the event loop before a blocking resource method runs. Without this, Quarkus REST
        // hands a blocking method's request to a worker thread first, and the worker then waits for the event loop to
        // deliver the body and its end: under load each request held a worker for an event loop's turn, and all 200
        // workers of the chat service were found waiting so. A body kept in the routing context is read from memory.
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            router.route().method(method).order(READ_BODY_ORDER).handler(HttpFallbacks::readWholeBody);
        }
        router.route().last().handler(context -> answer(context, GwsException.notFound(
                "There is no resource at " + context.request().path() + ".")));
    }

    private static void refuseOversizeBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length, WireLimits.MAX_BODY_BYTES)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, GwsException.bodyTooLarge(WireLimits.MAX_BODY_BYTES));
            return;
        }
        context.next();
    }

    /**
     * Not Vert.x's BodyHandler: it leaves an empty body unset, and Quarkus REST then waits for a body the handler has
     * already read to its end (30 s, then a 500). Here the body is always set, empty or not.
     */
    @SuppressWarnings("deprecation") // setBody: how Quarkus REST finds a body read before it (RoutingContext.getBody)
    private static void readWholeBody(RoutingContext context) {
        readBody(context, body -> {
            context.setBody(body);
            context.next();
        });
    }

    /**
     * Reads a request's body whole, then hands it on ({@code whenRead} gets an empty buffer for none). Past the limit
     * (a chunked body: a declared length is refused before) it answers 413 and reads no further. Most bodies arrive in
     * one chunk, kept as it came; only a body in several chunks is copied, once per further chunk.
     */
    public static void readBody(RoutingContext context, Consumer<Buffer> whenRead) {
        HttpServerRequest request = context.request();
        Buffer[] body = {null};
        request.handler(chunk -> {
            long length = (body[0] == null ? 0 : body[0].length()) + chunk.length();
            if (length > WireLimits.MAX_BODY_BYTES) {
                request.handler(null).endHandler(null);
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, GwsException.bodyTooLarge(WireLimits.MAX_BODY_BYTES));
            } else {
                body[0] = body[0] == null ? chunk : body[0].copy().appendBuffer(chunk);
            }
        });
        // A failure while the body arrives fails the request; once it is read, what follows is the reader's.
        request.exceptionHandler(context::fail);
        request.endHandler(end -> {
            request.exceptionHandler(null);
            whenRead.accept(body[0] == null ? Buffer.buffer() : body[0]);
        });
        request.resume();
    }

    /** Only failures that carry an HTTP status of their own; the rest go on to the JAX-RS mappers' answer. */
    private static void answerFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        answer(context, status > 0 ? ErrorTranslator.fromHttpStatus(status) : ErrorTranslator.translate(context.failure()));
    }

    static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    private static void answer(RoutingContext context, GwsException failure) {
        String body;
        try {
            body = JSON.writeValueAsString(failure.body());
        } catch (JsonProcessingException impossible) {
            body = "{\"statusCode\":4}";
        }
        context.response()
                .setStatusCode(failure.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (failure.statusCode() == StatusCode.NOT_AUTHENTICATED) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"gws\"");
        }
        context.response().end(body);
    }
}
