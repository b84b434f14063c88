package io.opengws.common.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the HTTP layer answers before or after JAX-RS: an oversize body is refused with 413 and a GWS body
 * before it is read, a failure Vert.x raises itself gets a GWS body, and a path no resource serves gets a
 * GWS 404 instead of the default HTML page.
 */
@ApplicationScoped
public class HttpFallbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(HttpFallbacks::refuseOversizeBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpFallbacks::answerFailure);
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
