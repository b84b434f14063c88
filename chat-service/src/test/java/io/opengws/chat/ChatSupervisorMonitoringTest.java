package io.opengws.chat;

import static io.opengws.chat.ChatDesk.fieldNames;
import static io.opengws.chat.ChatDesk.isMessageLog;
import static io.opengws.chat.ChatDesk.isStateChange;
import static io.opengws.chat.ChatDesk.strings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.local.testing.NotificationInbox;
import io.opengws.local.testing.TestDirectory;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seeds 003 and 004 and reference 3.5–3.7 end to end, through the real broker and database: what a supervisor is
 * told when its agent accepts a chat and when it switches mode (CONTRACT decisions 12, 14, 17), Revoked when the chat
 * is completed (decision 18), the monitoring list on {@code /v2/me/channels} (decision 9), NextChat (decision 19),
 * and the status codes of refused requests.
 */
@QuarkusTest
class ChatSupervisorMonitoringTest {

    /** Seed 004's table; the seeds' misprinted {@code SwitchBargeIn} is spelled as CONTRACT decision 12 says. */
    static final List<String> MONITOR_CAPABILITIES = List.of("Leave", "SwitchToCoach", "SwitchToBargeIn");
    static final List<String> COACH_CAPABILITIES = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData", "DeleteUserData",
            "UpdateUserData", "AddComment", "Transfer", "Invite", "Consult", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "SwitchToMonitor", "SwitchToBargeIn");
    static final List<String> BARGE_IN_CAPABILITIES = List.of("Leave", "SetInFocus", "SetDisposition", "AttachUserData", "DeleteUserData",
            "UpdateUserData", "AddComment", "Transfer", "Invite", "Consult", "SendToAgents", "SendStartTypingToAgentsNotification",
            "SendStopTypingToAgentsNotification", "SendMessage", "SendStartTypingNotification", "SendStopTypingNotification",
            "SwitchToMonitor", "SwitchToCoach");

    private final NotificationInbox inbox = ChatDesk.inbox();

    @Test
    void coachJoinsTheAcceptedChatAsSeed004ShowsAndIsRevokedWhenTheAgentCompletesIt() {
        ChatDesk desk = new ChatDesk(inbox);
        String agent = desk.readyAgent("Alice");
        String supervisor = desk.supervisor("Sam");

        int configured = desk.mark();
        desk.configure(supervisor, agent, "Coach", "AllChats", "test_supervisor");
        JsonNode states = desk.awaitMonitoringStates(supervisor, configured, list -> list.size() == 1);
        assertEquals("Coach", states.path(0).path("state").asText());
        assertEquals("AllChats", states.path(0).path("mode").asText());
        assertTrue(states.path(0).path("targetUserUri").asText().endsWith("/api/v2/users/" + agent), states.toString());

        int offered = desk.mark();
        desk.customerRequestsChat("test_clientL");
        JsonNode invited = desk.awaitState(agent, offered, "Invited");
        assertEquals(List.of("Accept", "Reject"), strings(invited.path("chat").path("capabilities")));
        String chatId = invited.path("chat").path("id").asText();
        assertTrue(chatId.matches("[0-9A-Z]{16,32}"), "CONTRACT section 2 interaction id: " + chatId);
        assertFalse(desk.chatMessages(supervisor, offered, chatId).iterator().hasNext(), "nothing reaches the supervisor before Accept");

        int accepted = desk.mark();
        int referenceId = desk.operate(agent, chatId, Map.of("operationName", "Accept", "nickname", "test_agent"));

        // Seed 004 "Chat is started": ParticipantsUpdated, StatusChange, MessageLogUpdated, in that order and nothing else.
        desk.await(supervisor, accepted, "the transcript so far", ChatDesk::isMessageLog);
        List<JsonNode> told = desk.chatMessages(supervisor, accepted, chatId);
        assertEquals(List.of("ChatStateChangeMessage/ParticipantsUpdated", "ChatStateChangeMessage/StatusChange", "MessageLogUpdated/NewMessages"),
                told.stream().map(data -> data.path("messageType").asText() + "/" + data.path("notificationType").asText()).toList());
        for (JsonNode stateChange : told.subList(0, 2)) {
            JsonNode chat = stateChange.path("chat");
            assertTrue(fieldNames(chat).containsAll(List.of("receivedDate", "chatType", "capabilities", "uri", "path", "state", "participants", "id")),
                    chat.toString());
            assertEquals("Chatting", chat.path("state").asText());
            assertEquals("Inbound", chat.path("chatType").asText());
            assertEquals(COACH_CAPABILITIES, strings(chat.path("capabilities")));
            assertTrue(chat.path("uri").asText().endsWith("/api/v2/chats/" + chatId), "reference 3.2: a chat's uri has no /me");
            assertEquals("/chats/" + chatId, chat.path("path").asText());
            assertFalse(stateChange.has("referenceId"), "only the agent's own Accept echoes its referenceId");
            assertEquals(Set.of("Agent/All/test_agent", "Agent/Agents/test_supervisor", "Customer/All/test_clientL"), participants(chat));
        }
        JsonNode supervisorParticipant = participant(told.get(0).path("chat"), "test_supervisor");
        assertEquals(Set.of("nickname", "type", "uri", "path", "visibility", "participantId"), new TreeSet<>(fieldNames(supervisorParticipant)));
        assertTrue(supervisorParticipant.path("uri").asText().endsWith("/api/v2/users/" + supervisor));
        JsonNode customerParticipant = participant(told.get(0).path("chat"), "test_clientL");
        assertEquals(Set.of("nickname", "type", "visibility", "participantId"), new TreeSet<>(fieldNames(customerParticipant)));

        JsonNode log = told.get(2);
        assertTrue(log.path("chatUri").asText().endsWith("/api/v2/chats/" + chatId), "CONTRACT decision 14");
        assertEquals("/chats/" + chatId, log.path("chatPath").asText(), "CONTRACT decision 14");
        JsonNode messages = log.path("messages");
        assertEquals(3, messages.size(), messages.toString());
        assertMessage(messages.path(0), 1, "ParticipantJoined", "test_clientL", "All");
        assertMessage(messages.path(1), 2, "ParticipantJoined", "test_agent", "All");
        assertMessage(messages.path(2), 3, "ParticipantJoined", "test_supervisor", "Agents");
        assertEquals("Agents", messages.path(2).path("from").path("visibility").asText());

        // The agent: its Accept in the documented order, echoing the referenceId, with the coach it may now write to.
        JsonNode agentLog = desk.await(agent, accepted, "the agent's transcript", ChatDesk::isMessageLog);
        List<JsonNode> agentTold = desk.chatMessages(agent, accepted, chatId);
        assertEquals(List.of("StatusChange", "ParticipantsUpdated", "NewMessages"),
                agentTold.stream().map(data -> data.path("notificationType").asText()).toList());
        agentTold.forEach(data -> assertEquals(referenceId, data.path("referenceId").asInt(), data.toString()));
        assertEquals(Set.of("Agent/All/test_agent", "Agent/Agents/test_supervisor", "Customer/All/test_clientL"),
                participants(agentTold.get(1).path("chat")));
        assertTrue(strings(agentTold.get(1).path("chat").path("capabilities")).contains("SendToAgents"), "a coach is another agent to write to");
        assertEquals(3, agentLog.path("messages").size());

        // Seed 004 "Chat is completed" and CONTRACT decision 18: the coach does not keep the chat alive.
        int completed = desk.mark();
        desk.operate(agent, chatId, Map.of("operationName", "Complete"));
        JsonNode revoked = desk.awaitState(supervisor, completed, "Revoked");
        assertEquals("StatusChange", revoked.path("notificationType").asText());
        JsonNode revokedChat = revoked.path("chat");
        assertEquals(Set.of("receivedDate", "capabilities", "uri", "path", "state", "participants", "id"), new TreeSet<>(fieldNames(revokedChat)));
        assertEquals(0, revokedChat.path("participants").size());
        assertEquals(0, revokedChat.path("capabilities").size());
        assertEquals(chatId, revokedChat.path("id").asText());
        assertEquals(0, desk.awaitState(agent, completed, "Completed").path("chat").path("capabilities").size());
        // AllChats outlives the chat. Had the chat ended it, the new list would have been written before Revoked
        // (MediaMonitoringControl.afterChange runs before the notifications), on the same partition (keyed by user).
        assertEquals(List.of(), inbox.of(supervisor, completed).stream().filter(event -> ChatDesk.CHANNELS.equals(event.channel())).toList(),
                "AllChats monitoring outlives the chat");
    }

    @Test
    void switchingFromMonitorToCoachFollowsSeed003AndShowsTheNewVisibilityToAgentsOnly() {
        ChatDesk desk = new ChatDesk(inbox);
        String agent = desk.readyAgent("Alice");
        String supervisor = desk.supervisor("Sam");
        desk.configure(supervisor, agent, "Monitor", "AllChats", "test_supervisor");

        int offered = desk.mark();
        String customerChat = desk.customerRequestsChat("test_clientL");
        String chatId = desk.acceptNextOffer(agent, offered, "test_agent");
        JsonNode joined = desk.await(supervisor, offered, "the monitor joining", data -> isStateChange(data) && chatId.equals(ChatDesk.chatIdOf(data)));
        assertEquals(MONITOR_CAPABILITIES, strings(joined.path("chat").path("capabilities")));
        assertEquals("Supervisors", participant(joined.path("chat"), "test_supervisor").path("visibility").asText());
        desk.await(supervisor, offered, "the monitor's transcript", ChatDesk::isMessageLog);

        // A monitor only watches: writing is not among its capabilities (statusCode 2, naming what it may do).
        desk.operate(supervisor, chatId, Map.of("operationName", "SendToAgents", "text", "psst"), 400)
                .body("statusCode", equalTo(2)).body("statusMessage", containsString("Possible now: " + MONITOR_CAPABILITIES));

        int switched = desk.mark();
        int referenceId = desk.operate(supervisor, chatId, Map.of("operationName", "SwitchToCoach"));

        // Seed 003: ParticipantsUpdated with the supervisor's actual visibility, then MessageLogUpdated ParticipantRejoined.
        desk.await(supervisor, switched, "ParticipantRejoined", ChatDesk::isMessageLog);
        List<JsonNode> told = desk.chatMessages(supervisor, switched, chatId);
        assertEquals(List.of("ParticipantsUpdated", "NewMessages"), told.stream().map(data -> data.path("notificationType").asText()).toList());
        told.forEach(data -> assertEquals(referenceId, data.path("referenceId").asInt(), data.toString()));
        JsonNode chat = told.get(0).path("chat");
        assertEquals("Chatting", chat.path("state").asText());
        assertEquals(COACH_CAPABILITIES, strings(chat.path("capabilities")), "seed 003 lists BargeIn's; the seed 004 table rules");
        assertEquals(Set.of("Agent/All/test_agent", "Agent/Agents/test_supervisor", "Customer/All/test_clientL"), participants(chat));
        JsonNode rejoined = told.get(1).path("messages");
        assertEquals(1, rejoined.size(), rejoined.toString());
        // index 4: the supervisor also reads its own ParticipantJoined (3), written while it was a monitor.
        assertMessage(rejoined.path(0), 4, "ParticipantRejoined", "test_supervisor", "Agents");
        assertEquals("Agents", rejoined.path(0).path("from").path("visibility").asText(), "CONTRACT decision 17, not the seed's All");
        assertTrue(told.get(1).path("chatUri").asText().endsWith("/api/v2/chats/" + chatId));
        assertEquals("/chats/" + chatId, told.get(1).path("chatPath").asText());

        // The agent now sees the coach, numbered without the monitor's arrival it never saw.
        JsonNode agentRejoined = desk.await(agent, switched, "the coach's ParticipantRejoined", ChatDesk::isMessageLog).path("messages");
        assertMessage(agentRejoined.path(0), 3, "ParticipantRejoined", "test_supervisor", "Agents");
        JsonNode agentChat = desk.await(agent, switched, "the coach among the participants",
                data -> "ParticipantsUpdated".equals(data.path("notificationType").asText())).path("chat");
        assertEquals(Set.of("Agent/All/test_agent", "Agent/Agents/test_supervisor", "Customer/All/test_clientL"), participants(agentChat));

        // The customer does not.
        assertEquals(Set.of("test_clientL", "test_agent"), nicknames(desk.customerChat(customerChat).path("participants")));
        assertEquals(List.of("ParticipantJoined", "ParticipantJoined"), types(desk.customerTranscript(customerChat)));

        // SwitchToBargeIn (decision 11: shaped like its siblings): now everyone, the customer included, sees the supervisor.
        int barged = desk.mark();
        desk.operate(supervisor, chatId, Map.of("operationName", "SwitchToBargeIn"));
        JsonNode bargedChat = desk.await(supervisor, barged, "BargeIn capabilities",
                data -> "ParticipantsUpdated".equals(data.path("notificationType").asText())).path("chat");
        assertEquals(BARGE_IN_CAPABILITIES, strings(bargedChat.path("capabilities")));
        assertEquals("All", participant(bargedChat, "test_supervisor").path("visibility").asText());
        assertEquals(Set.of("test_clientL", "test_agent", "test_supervisor"), nicknames(desk.customerChat(customerChat).path("participants")));
        JsonNode customerLog = desk.customerTranscript(customerChat);
        assertEquals(List.of("ParticipantJoined", "ParticipantJoined", "ParticipantRejoined"), types(customerLog));
        assertEquals(3, customerLog.path(2).path("index").asInt(), "the customer's numbering has no gap where the coach was");
    }

    @Test
    void nextChatMonitoringEndsWithTheFirstChat() {
        ChatDesk desk = new ChatDesk(inbox);
        String agent = desk.readyAgent("Alice");
        String supervisor = desk.supervisor("Sam");
        int configured = desk.mark();
        desk.configure(supervisor, agent, "Monitor", "NextChat", "Sam");
        assertEquals("NextChat", desk.awaitMonitoringStates(supervisor, configured, list -> list.size() == 1).path(0).path("mode").asText());

        int first = desk.mark();
        desk.customerRequestsChat("first customer");
        String firstChat = desk.acceptNextOffer(agent, first, "Alice");
        desk.await(supervisor, first, "joining the first chat", data -> isStateChange(data) && firstChat.equals(ChatDesk.chatIdOf(data)));

        int ended = desk.mark();
        desk.operate(agent, firstChat, Map.of("operationName", "Complete"));
        assertEquals(firstChat, desk.awaitState(supervisor, ended, "Revoked").path("chat").path("id").asText());
        // CONTRACT decision 19, told as decision 9 says: the supervisor's monitoring list no longer has it.
        desk.awaitMonitoringStates(supervisor, ended, JsonNode::isEmpty);

        int second = desk.mark();
        desk.customerRequestsChat("second customer");
        String secondChat = desk.acceptNextOffer(agent, second, "Alice");
        desk.await(agent, second, "the second chat in progress", data -> isStateChange(data) && "Chatting".equals(data.path("chat").path("state").asText()));
        // The supervisor would have joined in the Accept's own transaction, so by now it would be among its chats.
        TestDirectory.as(supervisor).get("/api/v2/me/chats").then().statusCode(200).body("chats.size()", equalTo(0));
        TestDirectory.as(supervisor).get("/api/v2/me/chats/" + secondChat).then().statusCode(404).body("statusCode", equalTo(6));
        assertEquals(List.of(), desk.chatMessages(supervisor, second, secondChat));
    }

    // ---- refusals (CONTRACT section 2, reference 1.4) ------------------------------------------------------------

    @Test
    void monitoringByAUserWithoutTheSupervisorRoleAnswers5() {
        ChatDesk desk = new ChatDesk(inbox);
        String agent = desk.readyAgent("Alice");
        String colleague = desk.chatUser("Bob", "ROLE_AGENT");
        TestDirectory.as(colleague).body(Map.of("operationName", "Monitor")).post("/api/v2/users/" + agent + "/channels/chat")
                .then().statusCode(403).body("statusCode", equalTo(5)).body("statusMessage", containsString("ROLE_SUPERVISOR"));
    }

    @Test
    void monitoringAnUnknownAgentAnswers6() {
        ChatDesk desk = new ChatDesk(inbox);
        String supervisor = desk.supervisor("Sam");
        TestDirectory.as(supervisor).body(Map.of("operationName", "Coach")).post("/api/v2/users/" + TestDirectory.id() + "/channels/chat")
                .then().statusCode(404).body("statusCode", equalTo(6));
        // An agent of another contact center is just as unknown (tenancy).
        String stranger = new ChatDesk(inbox).readyAgent("Eve");
        TestDirectory.as(supervisor).body(Map.of("operationName", "Coach")).post("/api/v2/users/" + stranger + "/channels/chat")
                .then().statusCode(404).body("statusCode", equalTo(6));
    }

    @Test
    void theCustomerChatApiWithoutContactCenterIdAnswers1() {
        ChatDesk desk = new ChatDesk(inbox);
        String customerChat = desk.customerRequestsChat("Carla");
        given().contentType("application/json").body(Map.of("operationName", "RequestChat", "nickname", "Carla"))
                .post("/api/v2/chats").then().statusCode(400).body("statusCode", equalTo(1))
                .body("statusMessage", containsString("ContactCenterId"));
        given().get("/api/v2/chats/" + customerChat).then().statusCode(400).body("statusCode", equalTo(1));
        given().get("/api/v2/chats/" + customerChat + "/messages").then().statusCode(400).body("statusCode", equalTo(1));
        assertEquals("WaitingForAgent", desk.customerChat(customerChat).path("state").asText(), "with the header the same chat is there");
    }

    // ---- reading the seeds' shapes -------------------------------------------------------------------------------

    /** Each participant as type/visibility/nickname: the seeds' three facts about it, whatever the order. */
    static Set<String> participants(JsonNode chat) {
        Set<String> seen = new TreeSet<>();
        chat.path("participants").forEach(p -> seen.add(p.path("type").asText() + "/" + p.path("visibility").asText() + "/" + p.path("nickname").asText()));
        return seen;
    }

    static Set<String> nicknames(JsonNode participants) {
        Set<String> seen = new TreeSet<>();
        participants.forEach(p -> seen.add(p.path("nickname").asText()));
        return seen;
    }

    static List<String> types(JsonNode messages) {
        List<String> seen = new ArrayList<>();
        messages.forEach(message -> seen.add(message.path("type").asText()));
        return seen;
    }

    static JsonNode participant(JsonNode chat, String nickname) {
        for (JsonNode participant : chat.path("participants")) {
            if (nickname.equals(participant.path("nickname").asText())) {
                return participant;
            }
        }
        throw new AssertionError("no participant " + nickname + " in " + chat);
    }

    /** A message item as seed 004 prints it, with a strict ISO timestamp and epoch milliseconds in timestampSeconds. */
    static void assertMessage(JsonNode message, int index, String type, String from, String visibility) {
        assertEquals(index, message.path("index").asInt(), message.toString());
        assertEquals(type, message.path("type").asText(), message.toString());
        assertEquals(from, message.path("from").path("nickname").asText(), message.toString());
        assertEquals(visibility, message.path("visibility").asText(), message.toString());
        assertTrue(message.path("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}"), message.toString());
        long millis = message.path("timestampSeconds").asLong();
        assertTrue(message.path("timestampSeconds").isIntegralNumber()
                && Duration.between(Instant.ofEpochMilli(millis), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "timestampSeconds holds epoch milliseconds, as the seeds do: " + message);
    }
}
