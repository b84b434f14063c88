package io.opengws.chat;

import static io.opengws.chat.ChatDesk.isMessageLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.testing.NotificationInbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reference 3.3's delivery rule through the Customer Chat API: what a coach writes to agents and that a monitor is
 * there at all never reach the customer, neither while the chat goes on nor in a transcript read after it ended; and
 * a monitor stays invisible to the agent too.
 */
@QuarkusTest
class CustomerPrivacyTest {

    private static final String WHISPER = "offer the refund, not the voucher";

    private final NotificationInbox inbox = ChatDesk.inbox();

    @Test
    void coachingSupervisorAndMonitorNeverReachTheCustomer() {
        ChatDesk desk = new ChatDesk(inbox);
        String agent = desk.readyAgent("Alice");
        String coach = desk.supervisor("Cora");
        String monitor = desk.supervisor("Mona");
        desk.configure(coach, agent, "Coach", "AllChats", "Coach Cora");
        desk.configure(monitor, agent, "Monitor", "AllChats", "Monitor Mona");

        int offered = desk.mark();
        String customerChat = desk.customerRequestsChat("Carla");
        String chatId = desk.acceptNextOffer(agent, offered, "Alice");
        desk.await(coach, offered, "the coach in the chat", ChatDesk::isMessageLog);
        desk.await(monitor, offered, "the monitor in the chat", ChatDesk::isMessageLog);
        desk.customerSends(customerChat, "my parcel never came");

        int whispered = desk.mark();
        desk.operate(coach, chatId, Map.of("operationName", "SendToAgents", "text", WHISPER));
        desk.operate(coach, chatId, Map.of("operationName", "SendStartTypingToAgentsNotification"));
        JsonNode whisper = desk.await(agent, whispered, "the coach's advice", data -> isMessageLog(data) && data.toString().contains(WHISPER))
                .path("messages").path(0);
        assertEquals("Agents", whisper.path("visibility").asText());
        assertEquals("Text", whisper.path("type").asText());
        desk.await(monitor, whispered, "the advice, which supervisors read too", data -> isMessageLog(data) && data.toString().contains(WHISPER));

        // The agent answers after the advice, so a customer transcript holding the answer was read after the advice was written.
        desk.operate(agent, chatId, Map.of("operationName", "SendMessage", "text", "a refund is on its way"));
        assertCustomerSeesOnlyTheAgent(desk, customerChat, "Chatting");

        // The agent sees the coach but was never told of the monitor, in any message since the chat was offered.
        assertEquals(Set.of("Alice", "Coach Cora", "Carla"),
                ChatSupervisorMonitoringTest.nicknames(desk.chatMessages(agent, offered, chatId).stream()
                        .filter(data -> "ParticipantsUpdated".equals(data.path("notificationType").asText())).reduce((a, b) -> b)
                        .orElseThrow().path("chat").path("participants")));
        desk.chatMessages(agent, offered, chatId).forEach(data -> assertFalse(data.toString().contains("Monitor Mona"), data.toString()));

        int completed = desk.mark();
        desk.operate(agent, chatId, Map.of("operationName", "Complete"));
        desk.awaitState(coach, completed, "Revoked");
        assertCustomerSeesOnlyTheAgent(desk, customerChat, "Completed");
    }

    /** The customer's participants and transcript: only itself and the agent, numbered 1, 2, 3... with no gap. */
    private static void assertCustomerSeesOnlyTheAgent(ChatDesk desk, String customerChat, String state) {
        JsonNode chat = desk.customerChat(customerChat);
        assertEquals(state, chat.path("state").asText());
        Set<String> participants = ChatSupervisorMonitoringTest.nicknames(chat.path("participants"));
        assertEquals(state.equals("Chatting") ? Set.of("Carla", "Alice") : Set.of(), participants, chat.toString());

        JsonNode transcript = desk.customerTranscript(customerChat);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            JsonNode message = transcript.path(i);
            assertEquals(i + 1, message.path("index").asInt(), "a gap would betray a hidden message: " + transcript);
            assertFalse(message.has("visibility"), "the customer's API says nothing of visibility: " + message);
            lines.add(message.path("from").path("nickname").asText() + ": " + message.path("type").asText()
                    + (message.has("text") ? " " + message.path("text").asText() : ""));
        }
        List<String> expected = new ArrayList<>(List.of("Carla: ParticipantJoined", "Alice: ParticipantJoined", "Carla: Text my parcel never came",
                "Alice: Text a refund is on its way"));
        if (state.equals("Completed")) {
            expected.add("Alice: ParticipantLeft");
        }
        assertEquals(expected, lines, transcript.toString());
    }
}
