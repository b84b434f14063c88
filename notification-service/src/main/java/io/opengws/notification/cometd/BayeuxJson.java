package io.opengws.notification.cometd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Writing Bayeux messages: one shared writer, straight to UTF-8 bytes. At thousands of replies a second the
 * service's allocation rate, and so its garbage collector's share of the CPU, is mostly this.
 */
final class BayeuxJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private BayeuxJson() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // Trees of JSON nodes always serialise; a failure here is a bug, not input.
            throw new IllegalStateException("A Bayeux message could not be written", e);
        }
    }
}
