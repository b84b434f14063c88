package io.opengws.notification.cometd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opengws.common.wire.GwsException;
import io.opengws.common.wire.HttpFallbacks;
import io.opengws.common.wire.StatusCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The CometD endpoint on the Vert.x router (CONTRACT.md decision 20): {@code /api/v2/notifications}, with
 * {@code /} or the message type appended as the official clients do. A body that is not JSON answers HTTP
 * 400; everything else is Bayeux.
 */
@ApplicationScoped
public class BayeuxRoutes {

    static final String PATHS = "/api/v2/notifications(/|/handshake|/connect|/subscribe|/unsubscribe|/disconnect)?";
    /** Ahead of Quarkus REST, whose resources never serve these paths. */
    private static final int ORDER = -100;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BayeuxServer server;

    @Inject
    BayeuxRoutes(BayeuxServer server) {
        this.server = server;
    }

    void install(@Observes Router router) {
        // The body is read on the event loop, kept as it arrived (a connect is one chunk of a few hundred bytes).
        router.routeWithRegex(HttpMethod.POST, PATHS).order(ORDER)
                .handler(context -> HttpFallbacks.readBody(context, body -> handle(context, body)));
    }

    private void handle(RoutingContext context, Buffer body) {
        List<ObjectNode> messages;
        try {
            messages = parse(body);
        } catch (GwsException notBayeux) {
            answer(context, notBayeux);
            return;
        }
        server.handle(messages, context.request());
    }

    /** HTTP 400 with a GWS body (CometD answers bad JSON with a 400 that is not a Bayeux reply). */
    private static void answer(RoutingContext context, GwsException failure) {
        String body;
        try {
            body = JSON.writeValueAsString(failure.body());
        } catch (JsonProcessingException impossible) {
            body = "{\"statusCode\":" + failure.statusCode().code() + "}";
        }
        context.response().setStatusCode(failure.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    /** A JSON array of message objects, or a single message object (Bayeux: servers MAY accept one). */
    static List<ObjectNode> parse(Buffer body) {
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : JSON.readTree(body.getBytes());
        } catch (IOException e) {
            throw notBayeux("The request body is not valid JSON.");
        }
        if (root instanceof ObjectNode single) {
            return List.of(single);
        }
        if (root == null || !root.isArray()) {
            throw notBayeux("The request body must be a JSON array of Bayeux messages.");
        }
        List<ObjectNode> messages = new ArrayList<>();
        for (JsonNode element : root) {
            if (!(element instanceof ObjectNode message)) {
                throw notBayeux("Every Bayeux message must be a JSON object.");
            }
            messages.add(message);
        }
        return messages;
    }

    private static GwsException notBayeux(String why) {
        return new GwsException(StatusCode.VALIDATION_ERROR, why);
    }
}
