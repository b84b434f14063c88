package io.opengws.notification.messaging;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.opengws.common.events.EventJson;

/**
 * A {@link io.opengws.common.events.NotificationEvent} as the fan-out needs it: the envelope's fields, and its
 * {@code data} as the JSON text it came in, checked to be well-formed but not built into a tree. The fan-out hands
 * that text to each session's reply as it is; reading it into a tree and writing it back was most of what the service
 * allocated per notification, and so much of its garbage collector's work.
 *
 * @param data the JSON object of the message, as text; null when the event has none
 */
record RawNotification(String eventId, String contactCenterId, String userId, String channel, String activatesChannel, String data) {

    /** @throws IllegalArgumentException when {@code json} is not a JSON object */
    static RawNotification parse(String json) {
        try (JsonParser parser = EventJson.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String eventId = null;
            String contactCenterId = null;
            String userId = null;
            String channel = null;
            String activatesChannel = null;
            String data = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value);
                    case "contactCenterId" -> contactCenterId = text(parser, value);
                    case "userId" -> userId = text(parser, value);
                    case "channel" -> channel = text(parser, value);
                    case "activatesChannel" -> activatesChannel = text(parser, value);
                    case "data" -> data = value == JsonToken.START_OBJECT ? objectText(parser, json) : skipped(parser);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object");
            }
            return new RawNotification(eventId, contactCenterId, userId, channel, activatesChannel, data);
        } catch (IOException malformed) {
            throw new IllegalArgumentException(malformed.getMessage(), malformed);
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** The object the parser is at the start of, as the text it is in {@code json}; the parser is then at its end. */
    private static String objectText(JsonParser parser, String json) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
        return json.substring(start, end);
    }

    private static String skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }
}
