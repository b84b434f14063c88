package io.opengws.notification.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opengws.common.wire.GwsException;
import io.vertx.core.buffer.Buffer;

/** What a request body must be: a JSON array of message objects, or one message object. */
class BayeuxRequestParsingTest {

    @Test
    void anArrayOfMessagesIsReadInOrder() {
        var messages = BayeuxRoutes.parse(Buffer.buffer("[{\"channel\":\"/meta/connect\"},{\"channel\":\"/meta/subscribe\"}]"));

        assertEquals(2, messages.size());
        assertEquals("/meta/subscribe", messages.get(1).path("channel").asText());
    }

    @Test
    void aSingleMessageObjectIsOneMessage() {
        assertEquals(1, BayeuxRoutes.parse(Buffer.buffer("{\"channel\":\"/meta/handshake\"}")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[{\"channel\":\"/meta/handshake\"", "message=%5B%5D", "[1]", "\"text\"", "[{}] trailing", "null"})
    void anythingElseIsRefusedAsBadInput(String body) {
        GwsException refused = assertThrows(GwsException.class, () -> BayeuxRoutes.parse(Buffer.buffer(body)));
        assertEquals(400, refused.httpStatus());
    }
}
