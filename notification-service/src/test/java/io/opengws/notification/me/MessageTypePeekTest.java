package io.opengws.notification.me;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTypePeekTest {

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    @Test
    void findsTheTypeAfterTheEnvelopeAndBeforeTheRest() {
        String event = json("{'eventId':'e1','contactCenterId':'cc','userId':'u1','channel':'/v2/me/chats',"
                + "'data':{'messageType':'MessageLogUpdated','messages':[{'index':1,'text':'hi'}]},'occurredAt':'2026-11-22T10:00:00Z'}");

        assertThat(MessageTypePeek.messageType(event)).isEqualTo("MessageLogUpdated");
    }

    @Test
    void skipsNestedValuesThatCarryTheSameFieldName() {
        String event = json("{'envelope':{'data':{'messageType':'Wrong'}},'extra':[{'messageType':'Wrong'}],"
                + "'data':{'chat':{'messageType':'Wrong','participants':[{'data':1}]},'messageType':'ChatStateChangeMessage'}}");

        assertThat(MessageTypePeek.messageType(event)).isEqualTo("ChatStateChangeMessage");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1,2]",
            "{'eventId':'e1'}",
            "{'data':{'notificationType':'StatusChange'}}",
            "{'data':{'messageType':7}}",
            "{'data':'text'}",
            "{'data':{'messageType':'Cut"
    })
    void hasNoTypeWhenTheDataHasNoneOrTheTextIsNotJson(String text) {
        assertThat(MessageTypePeek.messageType(json(text))).isNull();
    }
}
