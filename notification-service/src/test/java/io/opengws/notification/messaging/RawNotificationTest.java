package io.opengws.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;

class RawNotificationTest {

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    @Test
    void readsTheEnvelopeAndKeepsTheDataAsItsExactText() {
        String data = "{\"messageType\":\"MessageLogUpdated\",\"messages\":[{\"index\":3,\"text\":\"a \\\"quoted\\\" {brace}\"}],"
                + "\"nested\":{\"data\":{\"x\":[1,2.5,null,true]}}}";
        NotificationEvent event = new NotificationEvent("e1", "cc", "u1", "/v2/me/chats",
                (com.fasterxml.jackson.databind.node.ObjectNode) readTree(data), Instant.parse("2026-11-22T10:00:00Z"), "chat");

        RawNotification raw = RawNotification.parse(EventJson.write(event));

        assertThat(raw).isEqualTo(new RawNotification("e1", "cc", "u1", "/v2/me/chats", "chat", data));
    }

    @Test
    void toleratesUnknownFieldsNullsAndAnyOrder() {
        RawNotification raw = RawNotification.parse(json(
                "{'data':{'messageType':'X'},'extra':{'userId':'wrong'},'list':['channel'],'activatesChannel':null,'userId':'u1','eventId':7}"));

        assertThat(raw).isEqualTo(new RawNotification(null, null, "u1", null, null, "{\"messageType\":\"X\"}"));
    }

    @Test
    void dataThatIsNotAnObjectIsNone() {
        assertThat(RawNotification.parse(json("{'userId':'u1','data':['a']}")).data()).isNull();
        assertThat(RawNotification.parse(json("{'userId':'u1','data':'text'}")).data()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1]", "'text'", "{'userId':'u1','data':{'a':1}", "{'data':{'a':}}", "{'userId':'u1'} trailing"})
    void somethingElseThanOneJsonObjectIsRefused(String text) {
        assertThatThrownBy(() -> RawNotification.parse(json(text))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object readTree(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
