package io.opengws.notification.cometd;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * One HTTP request of Bayeux messages and its response: the replies in the order of the messages, and a slot
 * for a {@code /meta/connect} reply that may be held. The response is written once every message has been
 * processed and no connect is held any more. Steps of one request may run on different event loops (each
 * session on its own), one after another, hence the synchronisation.
 */
final class BayeuxExchange {

    private final HttpServerResponse response;
    /** Each entry: the delivered events (possibly none) followed by one reply; null while a connect is held. */
    private final List<List<ObjectNode>> slots = new ArrayList<>();
    private int heldSlots;
    private boolean allProcessed;
    private boolean written;

    BayeuxExchange(HttpServerResponse response) {
        this.response = response;
    }

    HttpServerResponse response() {
        return response;
    }

    synchronized void reply(ObjectNode reply) {
        slots.add(List.of(reply));
    }

    /** A reply that delivers events: they go right before it. */
    synchronized void reply(List<ObjectNode> events, ObjectNode reply) {
        slots.add(withEvents(events, reply));
    }

    /** Reserves the place of a reply that {@link #fill} gives later; the response waits for it. */
    synchronized int hold() {
        slots.add(null);
        heldSlots++;
        return slots.size() - 1;
    }

    /** The reply of a held slot, after the events it delivers. */
    synchronized void fill(int slot, List<ObjectNode> events, ObjectNode reply) {
        if (slots.get(slot) != null) {
            return;
        }
        slots.set(slot, withEvents(events, reply));
        heldSlots--;
        writeWhenComplete();
    }

    /** Every message of the request has been processed. */
    synchronized void processed() {
        allProcessed = true;
        writeWhenComplete();
    }

    private static List<ObjectNode> withEvents(List<ObjectNode> events, ObjectNode reply) {
        List<ObjectNode> messages = new ArrayList<>(events);
        messages.add(reply);
        return messages;
    }

    private void writeWhenComplete() {
        if (written || !allProcessed || heldSlots > 0) {
            return;
        }
        written = true;
        ArrayNode body = BayeuxJson.NODES.arrayNode();
        slots.forEach(body::addAll);
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8").end(Buffer.buffer(BayeuxJson.bytes(body)));
        } catch (IllegalStateException e) {
            // The client went away (a closed response) or a reply could not be written: nothing left to answer.
            Log.debugf("Bayeux response not written: %s", e.getMessage());
        }
    }
}
