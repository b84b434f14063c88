package io.opengws.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.testing.NotificationInbox;
import io.quarkus.test.junit.QuarkusTest;

/** Routing of customer chats (CONTRACT section 4): who is offered a chat, and what happens to an offer nobody answers. */
@QuarkusTest
class ChatRoutingTest {

    private final NotificationInbox inbox = ChatDesk.inbox();

    @Test
    void anOfferNotAnsweredInTimeGoesToTheNextAgentAndTheSilentAgentIsMadeNotReady() {
        ChatDesk desk = new ChatDesk(inbox, ChatDesk.FEATURES, Map.of("chat.offer-timeout-seconds", "1"));
        String silent = desk.readyAgent("Ann"); // Ready first: the longest idle, offered first
        String next = desk.readyAgent("Bob");
        int since = desk.mark();

        desk.customerRequestsChat("Carl");
        String chatId = desk.awaitState(silent, since, "Invited").path("chat").path("id").asText();

        JsonNode revoked = desk.awaitState(silent, since, "Revoked");
        assertEquals(chatId, revoked.path("chat").path("id").asText());
        assertEquals(0, revoked.path("chat").path("capabilities").size(), revoked::toString);
        inbox.await(silent, since, "NotReady on the chat channel after the unanswered offer",
                event -> ChatDesk.CHANNELS.equals(event.channel())
                        && "NotReady".equals(event.data().path("channels").path(0).path("userState").path("state").asText()));

        JsonNode offeredAgain = desk.awaitState(next, since, "Invited");
        assertEquals(chatId, offeredAgain.path("chat").path("id").asText());
        desk.operate(next, chatId, Map.of("operationName", "Accept", "nickname", "Bob"));
        assertEquals(chatId, desk.awaitState(next, since, "Chatting").path("chat").path("id").asText());
    }
}
