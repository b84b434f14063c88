package io.opengws.notification.me;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.opengws.common.events.EventJson;

/**
 * Reads a notification's {@code data.messageType} and nothing else: with the parser's tokens, building no tree and
 * skipping every other value unread. Most notifications (a chat's new messages, typing) change no resource of
 * {@code /api/v2/me}; the projection reads the rest only of those that may, instead of a whole tree for each of the
 * thousand a second it reads under load.
 */
final class MessageTypePeek {

    private MessageTypePeek() {
    }

    /** The message type of the {@link io.opengws.common.events.NotificationEvent} in {@code json}, or null if it has none or is not JSON. */
    static String messageType(String json) {
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field) && value == JsonToken.START_OBJECT) {
                    return messageTypeOf(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException malformed) {
            return null;
        }
    }

    /** Within the data object: its messageType, if it is a string. */
    private static String messageTypeOf(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("messageType".equals(field)) {
                return value == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
            parser.skipChildren();
        }
        return null;
    }
}
