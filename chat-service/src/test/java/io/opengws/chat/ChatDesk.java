package io.opengws.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.opengws.common.events.EventJson;
import io.opengws.common.events.NotificationEvent;
import io.opengws.common.events.Topics;
import io.opengws.local.testing.NotificationInbox;
import io.opengws.local.testing.TestDirectory;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * One new contact center with chat and supervisor monitoring, driven through chat-service's real endpoints: its
 * agents and supervisors (directory records and sessions on the broker), the customer (Customer Chat API), and what
 * each of them is told on gws.notifications.chat.
 */
final class ChatDesk {

    static final List<String> FEATURES = List.of("api-multimedia", "api-supervisor-monitoring");
    static final String CHATS = "/v2/me/chats";
    static final String CHANNELS = "/v2/me/channels";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static NotificationInbox shared;

    final String center;
    private final NotificationInbox inbox;

    /**
     * One reader of gws.notifications.chat for the whole test run: every test works in a contact center of its own
     * and reads from a mark, so sharing costs nothing and saves a consumer-group join per class. A daemon thread.
     */
    static synchronized NotificationInbox inbox() {
        if (shared == null) {
            shared = new NotificationInbox(Topics.NOTIFICATIONS_CHAT);
        }
        return shared;
    }

    ChatDesk(NotificationInbox inbox) {
        this(inbox, FEATURES);
    }

    ChatDesk(NotificationInbox inbox, List<String> features) {
        this(inbox, features, Map.of());
    }

    ChatDesk(NotificationInbox inbox, List<String> features, Map<String, String> settings) {
        this.inbox = inbox;
        this.center = TestDirectory.contactCenter(features, settings);
    }

    // ---- people -----------------------------------------------------------------------------------------

    /** An agent whose chat channel is active and Ready, so that routing offers it the next chat. */
    String readyAgent(String firstName) {
        String agent = chatUser(firstName, "ROLE_AGENT");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> TestDirectory.as(agent).body(Map.of("operationName", "Ready"))
                .post("/api/v2/me/channels/chat").then().statusCode(200).body("statusCode", equalTo(0)));
        return agent;
    }

    /** A supervisor (also an agent, as usual) with the chat channel active but NotReady, so that no chat is routed to it. */
    String supervisor(String firstName) {
        return chatUser(firstName, "ROLE_AGENT", "ROLE_SUPERVISOR");
    }

    /** A user whose session includes chat, once chat-service has confirmed the channel and knows the user's credentials. */
    String chatUser(String firstName, String... roles) {
        String user = TestDirectory.user(center, firstName, roles);
        int since = inbox.mark();
        TestDirectory.sessionStarted(user, center, "chat");
        inbox.await(user, since, "the chat channel's activation", event -> "chat".equals(event.activatesChannel()));
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> TestDirectory.as(user).get("/api/v2/me/chats").then().statusCode(200));
        return user;
    }

    /** Monitor, Coach, BargeIn (reference 3.5) of {@code agent} by {@code supervisor}. */
    void configure(String supervisor, String agent, String operation, String mode, String nickname) {
        TestDirectory.as(supervisor).body(Map.of("operationName", operation, "supervisorMonitoringMode", mode, "nickname", nickname))
                .post("/api/v2/users/" + agent + "/channels/chat").then().statusCode(200).body("statusCode", equalTo(0));
    }

    // ---- agents' and supervisors' chats ---------------------------------------------------------------------

    /** Posts an operation on the caller's chat; answers the referenceId its notifications echo. */
    int operate(String user, String chatId, Map<String, Object> body) {
        return operate(user, chatId, body, 200).body("statusCode", equalTo(0)).extract().path("referenceId");
    }

    ValidatableResponse operate(String user, String chatId, Map<String, Object> body, int status) {
        return TestDirectory.as(user).body(body).post("/api/v2/me/chats/" + chatId).then().statusCode(status);
    }

    /** The agent is offered the customer's chat (Invited, Accept or Reject) and accepts it; answers the chat id. */
    String acceptNextOffer(String agent, int since, String nickname) {
        String chatId = awaitState(agent, since, "Invited").path("chat").path("id").asText();
        operate(agent, chatId, Map.of("operationName", "Accept", "nickname", nickname));
        return chatId;
    }

    JsonNode awaitState(String user, int since, String state) {
        return await(user, since, "a chat in state " + state, data -> isStateChange(data) && state.equals(data.path("chat").path("state").asText()));
    }

    /** The first {@code /v2/me/chats} message to the user from {@code since} on that matches. */
    JsonNode await(String user, int since, String description, Predicate<JsonNode> match) {
        return inbox.await(user, since, description, event -> CHATS.equals(event.channel()) && match.test(event.data())).data();
    }

    /** Every {@code /v2/me/chats} message to the user about this chat from {@code since} on, in order. */
    List<JsonNode> chatMessages(String user, int since, String chatId) {
        return inbox.of(user, since).stream().filter(event -> CHATS.equals(event.channel())).<JsonNode>map(NotificationEvent::data)
                .filter(data -> chatId.equals(chatIdOf(data))).toList();
    }

    /** The {@code /v2/me/channels} message to the supervisor whose monitoring list matches. */
    JsonNode awaitMonitoringStates(String supervisor, int since, Predicate<JsonNode> states) {
        NotificationEvent event = inbox.await(supervisor, since, "ChannelStateChangeMessage with the expected monitoring",
                candidate -> CHANNELS.equals(candidate.channel()) && states.test(candidate.data().path("channels").path(0).path("supervisorMonitoringStates")));
        assertEquals("ChannelStateChangeMessage", event.data().path("messageType").asText());
        assertEquals("chat", event.data().path("channels").path(0).path("channel").asText());
        return event.data().path("channels").path(0).path("supervisorMonitoringStates");
    }

    int mark() {
        return inbox.mark();
    }

    // ---- the customer ---------------------------------------------------------------------------------------

    /** RequestChat (reference 3.9), once chat-service knows the contact center; answers the customer's chat id. */
    String customerRequestsChat(String nickname) {
        String[] id = new String[1];
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> id[0] = customer().body(Map.of("operationName", "RequestChat", "nickname", nickname))
                .post("/api/v2/chats").then().statusCode(200).body("statusCode", equalTo(0)).extract().path("id"));
        return id[0];
    }

    void customerSends(String customerChatId, String text) {
        customer().body(Map.of("operationName", "SendMessage", "text", text)).post("/api/v2/chats/" + customerChatId)
                .then().statusCode(200).body("statusCode", equalTo(0));
    }

    JsonNode customerChat(String customerChatId) {
        return json(customer().get("/api/v2/chats/" + customerChatId).then().statusCode(200).body("statusCode", equalTo(0))
                .extract().asString()).path("chat");
    }

    JsonNode customerTranscript(String customerChatId) {
        return json(customer().get("/api/v2/chats/" + customerChatId + "/messages").then().statusCode(200).body("statusCode", equalTo(0))
                .extract().asString()).path("messages");
    }

    /** The Customer Chat API: the contact center in a header, no credentials. */
    RequestSpecification customer() {
        return given().header("ContactCenterId", center).contentType("application/json");
    }

    // ---- reading messages -----------------------------------------------------------------------------------

    static boolean isStateChange(JsonNode data) {
        return "ChatStateChangeMessage".equals(data.path("messageType").asText());
    }

    static boolean isMessageLog(JsonNode data) {
        return "MessageLogUpdated".equals(data.path("messageType").asText());
    }

    /** The chat a message is about: the resource's id, or the id at the end of MessageLogUpdated's chatPath. */
    static String chatIdOf(JsonNode data) {
        if (isStateChange(data)) {
            return data.path("chat").path("id").asText();
        }
        String path = data.path("chatPath").asText();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
